import {
  committeeDecider,
  conferenceDateOf,
  conferenceDecider,
  isDomainError,
  mayIssue,
  recommendationDecider,
  type Actor,
  type CommitteeState,
  type ConferenceState,
  type Decider,
  type RecommendationState,
} from '@app/domain';
import { eventIdFor } from '../../command-pipeline/derived-ids';
import type { RowError } from '../rows/import-row';
import type { ImportStep, PlannedRow } from './import-step';
import type { ImportPlan } from './plan-import';
import { actorForStep } from './step-actor';

/** An aggregate as its stream stands before the import: folded state and the ids of its events. */
export interface StreamBefore<S> {
  state: S;
  eventIds: ReadonlySet<string>;
}
export interface StatesBefore {
  conferences: Map<string, StreamBefore<ConferenceState>>;
  committees: Map<string, StreamBefore<CommitteeState>>;
  recommendations: Map<string, StreamBefore<RecommendationState>>;
}

export type StepVerdict = 'write' | 'written';
export interface SimulatedRow {
  line: number;
  reference: string;
  title: string;
  steps: (Pick<ImportStep, 'description' | 'businessDate' | 'key'> & { type: string; verdict: StepVerdict })[];
}
export interface Simulation {
  setup: SimulatedRow['steps'];
  rows: SimulatedRow[];
  errors: RowError[];
  /** Steps still to write (setup and rows). */
  toWrite: number;
}

/**
 * Decides every step of the plan against the streams as they stand plus everything the import
 * decided before it, with the same deciders and permission table the command pipeline uses, and
 * nothing written. A step whose first event id already stands in its stream was written by an
 * earlier run of the same import and is passed over. Any refusal here refuses the whole import.
 */
export function simulateImport(plan: ImportPlan, before: StatesBefore, importer: Actor, now: Date, regionId: string): Simulation {
  const streams = {
    conference: new Map(before.conferences),
    committee: new Map(before.committees),
    recommendation: new Map(before.recommendations),
  };
  const deciders = { conference: conferenceDecider, committee: committeeDecider, recommendation: recommendationDecider } as Record<
    ImportStep['aggregate'],
    Decider<unknown, unknown, unknown>
  >;
  const errors: RowError[] = [...plan.errors];
  let toWrite = 0;

  const stateOf = (aggregate: ImportStep['aggregate'], id: string) =>
    (streams[aggregate] as Map<string, StreamBefore<unknown>>).get(id) ?? { state: deciders[aggregate].initialState(), eventIds: new Set<string>() };

  const committeeFacts = (id: string) => {
    const committee = stateOf('committee', id).state as CommitteeState;
    return committee.status !== 'unregistered' ? { regionId: committee.regionId, dissolved: committee.status === 'dissolved' } : undefined;
  };
  const contextOf = (step: ImportStep): object => {
    const command = step.command;
    if (command.type === 'AdoptRecommendation') {
      const conference = stateOf('conference', command.data.conferenceId).state as ConferenceState;
      const date = conferenceDateOf(conference);
      const named = [...command.data.addressees.committeeIds, ...command.data.originCommitteeIds];
      const committees = Object.fromEntries(named.flatMap((id) => (committeeFacts(id) ? [[id, committeeFacts(id)]] : [])));
      return { context: conference.status !== 'unscheduled' && date ? { conference: { regionId: conference.regionId, date }, committees } : { committees } };
    }
    if (command.type === 'HandOffRecommendation') {
      const committee = committeeFacts(command.data.committeeId);
      return { context: committee ? { committee } : {} };
    }
    return {};
  };

  const run = (step: ImportStep): StepVerdict | undefined => {
    const stream = stateOf(step.aggregate, step.aggregateId);
    if (stream.eventIds.has(eventIdFor(regionId, step.key, 0))) return 'written';
    const actor = actorForStep(step.actor, importer);
    const command = { ...step.command, ...contextOf(step), meta: { now, actor } };
    if (!mayIssue(actor, command)) {
      errors.push({ line: step.line, column: step.column, message: `Das Konto darf „${step.description}“ nicht erfassen.` });
      return undefined;
    }
    const decision = deciders[step.aggregate].decide(command, stream.state);
    if (isDomainError(decision)) {
      errors.push({ line: step.line, column: step.column, message: `${step.description}: ${decision.message}` });
      return undefined;
    }
    const state = (decision as unknown[]).reduce((s, event) => deciders[step.aggregate].evolve(s, event), stream.state);
    (streams[step.aggregate] as Map<string, StreamBefore<unknown>>).set(step.aggregateId, { state, eventIds: stream.eventIds });
    toWrite++;
    return 'write';
  };

  /** A row stops at its first refused step: what follows would only repeat the refusal. */
  const judged = (steps: ImportStep[], stopAtRefusal: boolean) => {
    const out: SimulatedRow['steps'] = [];
    for (const step of steps) {
      const verdict = run(step);
      if (verdict) out.push({ key: step.key, type: step.command.type, description: step.description, businessDate: step.businessDate, verdict });
      else if (stopAtRefusal) break;
    }
    return out;
  };

  const setup = judged(plan.setup, false);
  const rows = plan.rows.map((row: PlannedRow) => ({ line: row.line, reference: row.reference, title: row.title, steps: judged(row.steps, true) }));
  return { setup, rows, errors: errors.sort((a, b) => a.line - b.line), toWrite };
}
