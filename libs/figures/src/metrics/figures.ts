import { yearOf, type CalendarDate } from '../history/dates';
import type { RecommendationFacts } from '../lifecycle/facts';
import { handoffRate, medianDaysToHandOff, reportingCompliance, responseRate } from './follow-through';
import { impactCoverage, indicatorAttainment } from './impact';
import { implementationRate, medianMonthsToImplementation, partialImplementationRate } from './implementation';
import { loopClosureRate } from './loop-closure';
import { withDefaults, type FigureParams } from './params';
import type { ConferenceFacts, FigureContext } from './scope';
import { stallRate } from './stall';
import { dueDateRevisionRate, unverifiedClaimRate, verifiedImplementationRate } from './verification';
import { anchoredRate, lapseRate, sustainabilityRate, unreviewedRate } from './sustainability';

export interface FiguresOptions {
  asOf: CalendarDate;
  params?: Partial<FigureParams>;
  conferences?: readonly ConferenceFacts[];
  committeeId?: string;
}

/**
 * Every figure of metrics.md over one set of facts (a cohort, or a group of it). Facts may be built
 * at any day on or after the stream's last event (a read model builds them over the whole known
 * history): figures re-derive what depends on the day, like overdue. Facts holding an event dated
 * after `asOf` would count what had not happened yet, so they are refused: rebuild them with
 * `factsAt(events, { asOf, knownAt })`.
 */
export function figures(facts: readonly RecommendationFacts[], options: FiguresOptions) {
  const ahead = facts.find((f) => f.lastEventOn > options.asOf);
  if (ahead) {
    throw new Error(`figures.facts-ahead: ${ahead.recommendationId} has an event dated ${ahead.lastEventOn}, after asOf ${options.asOf}; build its facts at asOf`);
  }
  const ctx: FigureContext = {
    asOf: options.asOf,
    params: withDefaults(options.params),
    ...(options.conferences ? { conferences: options.conferences } : {}),
    ...(options.committeeId !== undefined ? { committeeId: options.committeeId } : {}),
  };
  return {
    handoffRate: handoffRate(facts, ctx),
    medianDaysToHandOff: medianDaysToHandOff(facts, ctx),
    responseRate: responseRate(facts, ctx),
    reportingCompliance: reportingCompliance(facts, ctx),
    implementationRate: implementationRate(facts, ctx),
    partialImplementationRate: partialImplementationRate(facts, ctx),
    medianMonthsToImplementation: medianMonthsToImplementation(facts, ctx),
    impactCoverage: impactCoverage(facts, ctx),
    indicatorAttainment: indicatorAttainment(facts, ctx),
    sustainabilityRate: sustainabilityRate(facts, ctx),
    lapseRate: lapseRate(facts, ctx),
    unreviewedRate: unreviewedRate(facts, ctx),
    anchoredRate: anchoredRate(facts, ctx),
    stallRate: stallRate(facts, ctx),
    loopClosureRate: loopClosureRate(facts, ctx),
    verifiedImplementationRate: verifiedImplementationRate(facts, ctx),
    unverifiedClaimRate: unverifiedClaimRate(facts, ctx),
    dueDateRevisionRate: dueDateRevisionRate(facts, ctx),
  };
}
export type Figures = ReturnType<typeof figures>;

/** A cohort: the recommendations adopted at one conference, or in one calendar year. */
export type Cohort = { conferenceId: string } | { year: number };

export function cohortOf(facts: readonly RecommendationFacts[], cohort: Cohort): RecommendationFacts[] {
  return facts.filter((f) => ('conferenceId' in cohort ? f.conferenceId === cohort.conferenceId : yearOf(f.adoptedOn) === cohort.year));
}

export type GroupBy = 'region' | 'conference' | 'year' | 'committee' | 'fieldOfAction';

/** Group keys of one recommendation; it may fall into several fields of action and committees. */
function keysOf(f: RecommendationFacts, by: GroupBy): string[] {
  switch (by) {
    case 'region':
      return [f.regionId];
    case 'conference':
      return [f.conferenceId];
    case 'year':
      return [String(yearOf(f.adoptedOn))];
    case 'committee':
      return [...new Set(f.handOffs.map((a) => a.committeeId))];
    case 'fieldOfAction':
      return [...new Set(f.fieldsOfAction)];
    default: {
      const _exhaustive: never = by;
      return _exhaustive;
    }
  }
}

/**
 * Figures per group, keys in sorted order. Under `committee`, every recommendation ever handed off
 * to the committee is passed in and the figures narrow it (see FigureContext.committeeId).
 */
export function figuresByGroup(
  facts: readonly RecommendationFacts[],
  options: Omit<FiguresOptions, 'committeeId'> & { by: GroupBy },
): { key: string; figures: Figures }[] {
  const groups = new Map<string, RecommendationFacts[]>();
  for (const f of facts) {
    for (const key of keysOf(f, options.by)) {
      const group = groups.get(key);
      if (group) group.push(f);
      else groups.set(key, [f]);
    }
  }
  return [...groups.keys()].sort().map((key) => ({
    key,
    figures: figures(groups.get(key)!, { ...options, ...(options.by === 'committee' ? { committeeId: key } : {}) }),
  }));
}
