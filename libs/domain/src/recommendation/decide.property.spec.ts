import fc from 'fast-check';
import {
  aCommitteeMember,
  aCorrectEntryCommand,
  aDeclineHandOffCommand,
  aDefineIndicatorCommand,
  aHandOffCommand,
  anAcceptHandOffCommand,
  anAdoptCommand,
  anAmendCommand,
  anOffice,
  aRecordMeasurementCommand,
  aReportOutcomeCommand,
  aReportStatusCommand,
  aReviewCommand,
  aSteeringMember,
  aSupersedeCommand,
  aWithdrawCommand,
  aWithdrawHandOffCommand,
  aReviseDueDateCommand,
  aVerifyCommand,
  ID,
  TODAY,
} from '@app/testing';
import { businessDateOf } from '../shared/business-date';
import { isDomainError } from '../shared/domain-error';
import type { Actor } from '../shared/metadata';
import type { RecommendationCommand } from './commands';
import { recommendationDecider } from './decider';
import { IMPLEMENTATION_STATUSES, RECOMMENDATION_EVENT_TYPES, type CorrectableEvent, type RecommendationEvent } from './events';
import type { RecommendationState } from './state';

/**
 * Random sequences of valid and invalid commands through decide/evolve; afterwards the event log
 * is checked against the rules by a checker that does not use evolve. Reproduce a failure with
 * FC_SEED=<seed> (and FC_PATH) from the report; FC_RUNS changes the number of runs.
 */
const seed = process.env.FC_SEED === undefined ? undefined : Number(process.env.FC_SEED);
const path = process.env.FC_PATH;
const numRuns = Number(process.env.FC_RUNS ?? 300);

/** About half of what seed 42 produces: a generator change that starves a rule fails here. */
const MIN = { reports: 60, measurements: 5, reviews: 20, corrections: 10 };
const committees = [ID.committee, ID.otherCommittee];
const strangerCommittee = 'c0aa0000-0000-4000-8000-00000000000c';
/** Around the adoption (2026-03-14) and today (2026-11-23). */
const validDays = ['2026-03-14', '2026-04-02', '2026-05-15', '2026-07-01', '2026-09-30', '2026-11-23'];
/** Before the conference, before the adoption, after today. */
const invalidDays = ['2026-03-01', '2026-03-13', '2026-11-24', '2027-01-31'];

/** Mostly days decide can accept, so that histories grow deep; now and then one it must refuse. */
const day = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...validDays) }, { weight: 1, arbitrary: fc.constantFrom(...invalidDays) });
const committee = fc.constantFrom(...committees);
const status = fc.constantFrom(...IMPLEMENTATION_STATUSES);
const reason = fc.constantFrom(undefined, '', 'Keine Mittel');

/** Mostly someone who may act for the committee; sometimes someone who may not. */
const actorFor = (committeeId: string): fc.Arbitrary<Actor> =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constant(aCommitteeMember([committeeId])) },
    { weight: 2, arbitrary: fc.constant(anOffice({ onBehalfOf: committeeId })) },
    { weight: 1, arbitrary: fc.constant(anOffice()) },
    { weight: 1, arbitrary: fc.constant(aCommitteeMember([...committees])) },
    { weight: 1, arbitrary: fc.constantFrom(...committees.filter((c) => c !== committeeId)).map((c) => aCommitteeMember([c])) },
    { weight: 1, arbitrary: fc.constant(anOffice({ onBehalfOf: strangerCommittee })) },
    { weight: 1, arbitrary: fc.constant(aSteeringMember()) },
  );
/** A committee id together with an actor for it. */
const committeeAndActor = committee.chain((committeeId) => actorFor(committeeId).map((actor) => ({ committeeId, actor })));

/** Mostly a live committee of the region, sometimes dissolved, foreign or unknown. */
const committeeFacts = fc.oneof(
  { weight: 8, arbitrary: fc.constant({ regionId: ID.region, dissolved: false }) },
  { weight: 1, arbitrary: fc.constant({ regionId: ID.region, dissolved: true }) },
  { weight: 1, arbitrary: fc.constant({ regionId: ID.otherRegion, dissolved: false }) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** A command, given the ids of events recorded so far (corrections pick one of them). */
type CommandFactory = (eventIds: readonly string[]) => RecommendationCommand;

const correction = fc
  .record({ pick: fc.nat(), field: fc.constantFrom('status', 'reportedOn', 'decidedOn', 'adoptedOn', 'on', 'measuredOn'), date: day, status })
  .map(({ pick, field, date, status }): CommandFactory => (eventIds) => {
    const correctsEventId = eventIds.length === 0 ? 'none' : eventIds[pick % eventIds.length]!;
    // The event is picked at random, so the type is often wrong: decide must refuse that.
    const guess = {
      status: ['ImplementationStatusReported', { status }],
      reportedOn: ['ImplementationStatusReported', { reportedOn: date }],
      decidedOn: ['RecommendationHandedOff', { decidedOn: date }],
      adoptedOn: ['RecommendationAdopted', { adoptedOn: date }],
      on: ['HandOffAccepted', { on: date }],
      measuredOn: ['ImpactMeasured', { measuredOn: date }],
    } as const;
    const [correctedEventType, correctedFields] = guess[field];
    return aCorrectEntryCommand({ correctsEventId, correctedEventType, correctedFields } as never);
  });

/** Weighted so that histories get deep before a withdrawal or supersession ends the work. */
const commandFactory: fc.Arbitrary<CommandFactory> = fc.oneof(
  { weight: 1, arbitrary: fc.record({ adoptedOn: day }).map((d) => () => anAdoptCommand(d)) },
  { weight: 2, arbitrary: fc.record({ title: fc.constantFrom('A', 'B') }).map((d) => () => anAmendCommand(d)) },
  {
    weight: 20,
    arbitrary: fc
      .record({ committeeId: committee, decidedOn: day, reportDueOn: day, facts: committeeFacts })
      .map(({ facts, ...d }) => () => aHandOffCommand(d, { context: facts === undefined ? {} : { committee: facts } })),
  },
  {
    weight: 20,
    arbitrary: fc
      .record({ who: committeeAndActor, on: day })
      .map(({ who, on }) => () => anAcceptHandOffCommand({ committeeId: who.committeeId, on }, { actor: who.actor })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({ who: committeeAndActor, on: day })
      .map(({ who, on }) => () => aDeclineHandOffCommand({ committeeId: who.committeeId, on }, { actor: who.actor })),
  },
  { weight: 4, arbitrary: fc.record({ committeeId: committee, effectiveOn: day }).map((d) => () => aWithdrawHandOffCommand(d)) },
  {
    weight: 24,
    arbitrary: fc.record({ who: committeeAndActor, status, reason, reportedOn: day }).map(({ who, reason, ...d }) => () =>
      aReportStatusCommand(
        { ...d, committeeId: who.committeeId, nextReportDueOn: undefined, ...(reason === undefined ? {} : { reason }) },
        { actor: who.actor },
      ),
    ),
  },
  {
    weight: 10,
    arbitrary: fc
      .record({ who: committeeAndActor, indicatorId: fc.constantFrom('i1', 'i2'), effectiveOn: day })
      .map(({ who, ...d }) => () => aDefineIndicatorCommand({ ...d, committeeId: who.committeeId }, { actor: who.actor })),
  },
  {
    weight: 12,
    arbitrary: fc
      .record({ who: committeeAndActor, indicatorId: fc.constantFrom('i1', 'i2', 'i3'), measuredOn: day })
      .map(({ who, ...d }) => () => aRecordMeasurementCommand({ ...d, committeeId: who.committeeId }, { actor: who.actor })),
  },
  { weight: 12, arbitrary: fc.record({ reviewedOn: day }).map((d) => () => aReviewCommand(d)) },
  { weight: 3, arbitrary: fc.record({ effectiveOn: day }).map((d) => () => aReportOutcomeCommand(d)) },
  { weight: 1, arbitrary: fc.record({ effectiveOn: day }).map((d) => () => aWithdrawCommand(d)) },
  { weight: 1, arbitrary: fc.record({ effectiveOn: day }).map((d) => () => aSupersedeCommand(d)) },
  { weight: 10, arbitrary: correction },
  { weight: 4, arbitrary: fc.record({ committeeId: committee, decidedOn: day, newDueOn: day }).map((d) => () => aReviseDueDateCommand(d)) },
  {
    weight: 6,
    arbitrary: fc
      .record({ committeeId: committee, verifiedOn: day, outcome: fc.constantFrom('confirmed' as const, 'returned' as const) })
      .map((d) => () => aVerifyCommand({ ...d, evidenceChecked: [], ...(d.outcome === 'returned' ? { note: 'Nachweis fehlt' } : {}) })),
  },
);

/**
 * Valid openings of increasing depth, so that the random part often starts where the long
 * preconditions (accepted hand-off, an implemented report) already hold.
 */
const openings: CommandFactory[][] = [
  [],
  [() => anAdoptCommand()],
  [() => anAdoptCommand(), () => aHandOffCommand()],
  [() => anAdoptCommand(), () => aHandOffCommand(), () => anAcceptHandOffCommand()],
  [
    () => anAdoptCommand(),
    () => aHandOffCommand(),
    () => anAcceptHandOffCommand(),
    () => aDefineIndicatorCommand({ indicatorId: 'i1' }),
    () => aReportStatusCommand({ status: 'implemented' }),
  ],
];
const sequence = fc
  .tuple(fc.constantFrom(...openings), fc.array(commandFactory, { minLength: 1, maxLength: 50, size: 'max' }))
  .map(([opening, rest]) => [...opening, ...rest]);

type Logged = { eventId: string; event: RecommendationEvent };

function run(factories: readonly CommandFactory[]): { log: Logged[]; states: RecommendationState[] } {
  const log: Logged[] = [];
  const states: RecommendationState[] = [];
  let state = recommendationDecider.initialState();
  for (const factory of factories) {
    const decision = recommendationDecider.decide(factory(log.map((l) => l.eventId)), state);
    if (isDomainError(decision)) {
      expect(decision.code).toMatch(/^[a-z-]+\.[a-z-]+$/);
      continue;
    }
    for (const event of decision) {
      const eventId = `evt-${log.length}`;
      log.push({ eventId, event });
      state = recommendationDecider.evolve(state, event, eventId);
    }
    states.push(state);
  }
  return { log, states };
}

/** The log as readers see it: corrections merged into the events they name. */
function correctedLog(log: readonly Logged[]): Array<{ eventId: string; event: CorrectableEvent }> {
  const byId = new Map<string, CorrectableEvent>();
  const order: string[] = [];
  for (const { eventId, event } of log) {
    if (event.type === 'EntryCorrected') {
      const target = byId.get(event.data.correctsEventId);
      expect(target?.type).toBe(event.data.correctedEventType);
      if (target) byId.set(event.data.correctsEventId, { ...target, data: { ...target.data, ...event.data.correctedFields } } as CorrectableEvent);
    } else {
      byId.set(eventId, event);
      order.push(eventId);
    }
  }
  return order.map((eventId) => ({ eventId, event: byId.get(eventId)! }));
}

const WORK = new Set(['RecommendationHandedOff', 'HandOffAccepted', 'ImplementationStatusReported', 'ImpactIndicatorDefined', 'ImpactMeasured', 'SustainabilityReviewed', 'RecommendationWithdrawn', 'RecommendationSuperseded']);

function checkInvariants(log: readonly Logged[], states: readonly RecommendationState[]): void {
  // Every event has a business date, none in the future.
  for (const { event } of log) expect(businessDateOf(event) <= TODAY).toBe(true);
  expect(log.filter((l) => l.event.type === 'RecommendationAdopted').length).toBeLessThanOrEqual(1);

  const assignment = new Map<string, { status: 'pending' | 'accepted' | 'declined' | 'withdrawn'; decidedOn: string }>();
  const indicators = new Set<string>();
  let adoptedOn: string | undefined;
  let terminal = false;
  for (const { event } of correctedLog(log)) {
    if (event.type === 'RecommendationAdopted') {
      adoptedOn = event.data.adoptedOn;
      continue;
    }
    // Nothing before the adoption, nothing without it.
    expect(adoptedOn).toBeDefined();
    expect(businessDateOf(event) >= adoptedOn!).toBe(true);
    // Terminal stays terminal: no more work after withdrawal or supersession.
    if (terminal) expect(WORK.has(event.type)).toBe(false);
    switch (event.type) {
      case 'RecommendationHandedOff': {
        // No two active hand-offs of one committee.
        const previous = assignment.get(event.data.committeeId)?.status;
        expect(previous === 'pending' || previous === 'accepted').toBe(false);
        expect(event.data.reportDueOn >= event.data.decidedOn).toBe(true);
        assignment.set(event.data.committeeId, { status: 'pending', decidedOn: event.data.decidedOn });
        break;
      }
      case 'HandOffAccepted':
      case 'HandOffDeclined': {
        const current = assignment.get(event.data.committeeId);
        expect(current?.status).toBe('pending');
        expect(event.data.on >= current!.decidedOn).toBe(true);
        current!.status = event.type === 'HandOffAccepted' ? 'accepted' : 'declined';
        break;
      }
      case 'HandOffWithdrawn': {
        const current = assignment.get(event.data.committeeId);
        expect(current?.status === 'pending' || current?.status === 'accepted').toBe(true);
        current!.status = 'withdrawn';
        break;
      }
      case 'ImplementationStatusReported': {
        // No report without an accepted hand-off, none before its decision, reasons where needed.
        const current = assignment.get(event.data.committeeId);
        expect(current?.status).toBe('accepted');
        expect(event.data.reportedOn >= current!.decidedOn).toBe(true);
        if (event.data.status === 'blocked' || event.data.status === 'not_implemented') expect(event.data.reason?.trim()).toBeTruthy();
        break;
      }
      case 'ImpactIndicatorDefined':
        expect(assignment.get(event.data.committeeId)?.status).toBe('accepted');
        expect(indicators.has(event.data.indicatorId)).toBe(false);
        indicators.add(event.data.indicatorId);
        break;
      case 'ImpactMeasured':
        expect(assignment.get(event.data.committeeId)?.status).toBe('accepted');
        expect(indicators.has(event.data.indicatorId)).toBe(true);
        break;
      case 'RecommendationWithdrawn':
      case 'RecommendationSuperseded':
        terminal = true;
        break;
      default:
        break;
    }
  }
  // Rule 6 as it stood when the review was decided: a later correction of a report may show that a
  // review lacked its basis, which is history, not a broken rule. (Weaker than rule 6, which looks
  // at each assignment's latest report, but independent of evolve.)
  log.forEach(({ event }, index) => {
    if (event.type !== 'SustainabilityReviewed') return;
    const before = correctedLog(log.slice(0, index));
    expect(before.some(({ event: e }) => e.type === 'ImplementationStatusReported' && ['implemented', 'partially_implemented'].includes(e.data.status))).toBe(true);
  });
  // The state's terminal mark, once set, is never lost.
  let seen = false;
  for (const state of states) {
    const isTerminal = state.status === 'adopted' && state.terminal !== undefined;
    if (seen) expect(isTerminal).toBe(true);
    seen ||= isTerminal;
  }
}

describe('Recommendation decider (property)', () => {
  it('keeps the rules over random command sequences', () => {
    fc.assert(
      fc.property(sequence, (factories) => {
        const { log, states } = run(factories);
        checkInvariants(log, states);
      }),
      { numRuns, ...(seed === undefined ? {} : { seed }), ...(path === undefined ? {} : { path }) },
    );
  });

  it('produces deep histories, not only refusals', () => {
    // Guards the property above against a generator that rarely gets past the first refusal:
    // every event type occurs, and the rules with long preconditions are reached often.
    const samples = fc.sample(sequence, { numRuns: 200, seed: 42 });
    const counts = new Map<string, number>();
    for (const factories of samples) {
      for (const { event } of run(factories).log) counts.set(event.type, (counts.get(event.type) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual([...RECOMMENDATION_EVENT_TYPES].sort());
    expect(counts.get('ImplementationStatusReported')).toBeGreaterThanOrEqual(MIN.reports);
    expect(counts.get('ImpactMeasured')).toBeGreaterThanOrEqual(MIN.measurements);
    expect(counts.get('SustainabilityReviewed')).toBeGreaterThanOrEqual(MIN.reviews);
    expect(counts.get('EntryCorrected')).toBeGreaterThanOrEqual(MIN.corrections);
  });
});
