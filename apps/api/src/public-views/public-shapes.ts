import type { RecommendationEvent } from '@app/domain';
import { publicSentence, type HistoricEvent, type LifecycleState } from '@app/figures';
import type { ConferenceListItem } from '../queries/conference-list/conference-list.query';
import type { RecommendationListItem } from '../queries/recommendation-list/recommendation-list.query';
import type { RecommendationPageResult } from '../queries/recommendation-page/recommendation-page.query';

/**
 * What "Was wurde aus …?" shows without login: each shape is a whitelist built field by field from
 * the internal views, so a field added to those later stays internal until someone adds it here.
 * Never actors, account ids, free texts people typed (reasons, notes, summaries, mandates, contacts).
 */
export interface PublicConference {
  conferenceId: string;
  label: string;
  title: string;
  date: string;
  heldOn: string | null;
  recommendationCount: number;
}

export interface PublicRecommendationItem {
  recommendationId: string;
  reference: string;
  title: string;
  adoptedOn: string;
  fieldsOfAction: string[];
  lifecycle: LifecycleState;
  stalled: boolean;
  committees: string[];
}

export interface PublicTimelineEntry {
  date: string;
  text: string;
}

export interface PublicRecommendation {
  regionId: string;
  region: string;
  asOf: string;
  recommendation: PublicRecommendationItem & {
    text: string;
    conferenceId: string;
    conference: string;
    decisionMakers: string[];
    implementedOn: string | null;
    partiallyImplementedOn: string | null;
    withdrawnOn: string | null;
    supersededOn: string | null;
  };
  assignments: { committee: string; state: string; decidedOn: string; answeredOn: string | null; lastStatus: string | null; lastReportedOn: string | null }[];
  indicators: {
    name: string;
    unit: string;
    direction: string;
    baseline: { value: number; on: string };
    target: { value: number; dueOn: string };
    measurements: { value: number; measuredOn: string }[];
  }[];
  timeline: PublicTimelineEntry[];
}

export const publicConference = (c: ConferenceListItem): PublicConference => ({
  conferenceId: c.conferenceId,
  label: c.label,
  title: c.title,
  date: c.date,
  heldOn: c.heldOn,
  recommendationCount: c.recommendationCount,
});

export const publicItem = (i: RecommendationListItem): PublicRecommendationItem => ({
  recommendationId: i.recommendationId,
  reference: i.reference,
  title: i.title,
  adoptedOn: i.adoptedOn,
  fieldsOfAction: [...i.fieldsOfAction],
  lifecycle: i.lifecycle,
  stalled: i.stalled,
  committees: [...new Set(i.committees.filter((c) => c.state === 'pending' || c.state === 'accepted').map((c) => c.name))],
});

/** The public timeline: one sentence per event as corrected, in date order; corrections themselves are not listed. */
export function publicTimeline(history: readonly HistoricEvent[], names: { committees: Map<string, string>; conferences: Map<string, string> }): PublicTimelineEntry[] {
  const indicators = new Map<string, { name: string; unit: string }>();
  for (const e of history) if (e.type === 'ImpactIndicatorDefined') indicators.set(e.data.indicatorId, { name: e.data.name, unit: e.data.unit });
  const ctx = {
    committeeName: (id: string) => names.committees.get(id),
    conferenceLabel: (id: string) => names.conferences.get(id),
    indicator: (id: string) => indicators.get(id),
  };
  return history
    .map((e, order) => ({ e, order, text: publicSentence({ type: e.type, data: e.data } as RecommendationEvent, ctx) }))
    .filter((x): x is { e: HistoricEvent; order: number; text: string } => x.text !== null)
    .sort((a, b) => a.e.businessDate.localeCompare(b.e.businessDate) || a.order - b.order)
    .map((x) => ({ date: x.e.businessDate, text: x.text }));
}

export function publicRecommendation(region: { regionId: string; name: string }, page: RecommendationPageResult, timeline: PublicTimelineEntry[]): PublicRecommendation {
  const r = page.recommendation;
  const active = page.assignments.filter((a) => a.state === 'pending' || a.state === 'accepted');
  return {
    regionId: region.regionId,
    region: region.name,
    asOf: page.asOf,
    recommendation: {
      recommendationId: r.recommendationId,
      reference: r.reference,
      title: r.title,
      text: r.text,
      conferenceId: r.conferenceId,
      conference: r.conference,
      adoptedOn: r.adoptedOn,
      fieldsOfAction: [...r.fieldsOfAction],
      lifecycle: r.lifecycle,
      stalled: r.stalled,
      committees: [...new Set(active.map((a) => a.committee))],
      decisionMakers: [...r.addressees.decisionMakers],
      implementedOn: r.implementedOn,
      partiallyImplementedOn: r.partiallyImplementedOn,
      withdrawnOn: r.withdrawnOn,
      supersededOn: r.supersededOn,
    },
    assignments: page.assignments.map((a) => {
      const last = a.reports.at(-1);
      return {
        committee: a.committee,
        state: a.state,
        decidedOn: a.decidedOn,
        answeredOn: a.answeredOn ?? null,
        lastStatus: last?.status ?? null,
        lastReportedOn: last?.reportedOn ?? null,
      };
    }),
    indicators: page.indicators.map((i) => ({
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      baseline: { value: i.baseline.value, on: i.baseline.on },
      target: { value: i.target.value, dueOn: i.target.dueOn },
      measurements: i.measurements.map((m) => ({ value: m.value, measuredOn: m.measuredOn })),
    })),
    timeline,
  };
}
