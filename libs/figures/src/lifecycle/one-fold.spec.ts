import { evolveRecommendation, foldCorrected, initialRecommendationState, type ImplementationStatus, type RecommendationState } from '@app/domain';
import { recommendation, type RecommendationHistory } from '@app/testing/mothers/recommendation-history';
import { simulateHistory } from '@app/testing/simulation';
import fc from 'fast-check';
import { addDays, maxDate } from '../history/dates';
import { historyAt, type HistoryEvent } from '../history/history-at';
import { factsOf, recommendationFacts } from './facts';

const ALL_KNOWN = '9999-12-31';

/** The recommendation streams of a simulated history: every event decided by the domain, corrections included. */
function simulatedStreams(seed: number, events: number): HistoryEvent[][] {
  const streams = new Map<string, HistoryEvent[]>();
  for (const append of simulateHistory({ seed, events })) {
    if (!append.streamId.startsWith('recommendation-')) continue;
    const stream = streams.get(append.streamId) ?? [];
    for (const e of append.events) {
      const recordedAt = new Date(String(e.metadata.recordedAt));
      stream.push({ eventId: e.id, streamId: append.streamId, type: e.type, data: e.data, recordedAt, metadata: e.metadata } as HistoryEvent);
    }
    streams.set(append.streamId, stream);
  }
  return [...streams.values()];
}

/** What the command side holds: the decider's state, folded event by event, corrections applied by the domain. */
const deciderState = (stream: readonly HistoryEvent[]): RecommendationState =>
  stream.reduce<RecommendationState>((state, event) => evolveRecommendation(state, event, event.eventId), initialRecommendationState());

/** The facts of the whole known history, and `factsOf` the decider's state of the same stream. */
function bothReadings(stream: readonly HistoryEvent[]) {
  const state = deciderState(stream);
  const history = historyAt(stream, { asOf: ALL_KNOWN });
  const facts = recommendationFacts(history, ALL_KNOWN);
  if (state.status !== 'adopted') return { facts, fromState: undefined };
  return { facts, fromState: factsOf(state, history.map((e) => e.businessDate).reduce(maxDate), ALL_KNOWN) };
}

/** Any sequence of entries, also ones the deciders would refuse, dated in any order; recorded in stream order. */
const day = fc.integer({ min: 0, max: 90 });
const committee = fc.constantFrom('C1', 'C2');
const status = fc.constantFrom<ImplementationStatus>('in_progress', 'implemented', 'partially_implemented', 'not_implemented');
type Step = (r: RecommendationHistory, on: (n: number) => string) => void;
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.tuple(committee, day, day).map(([c, a, b]): Step => (r, on) => r.handOff(c, on(a), on(b))),
  fc.tuple(committee, day, fc.boolean()).map(([c, a, yes]): Step => (r, on) => (yes ? r.accept(c, on(a)) : r.decline(c, on(a)))),
  fc.tuple(committee, day).map(([c, a]): Step => (r, on) => r.withdrawHandOff(c, on(a))),
  fc.tuple(committee, status, day, fc.option(day)).map(([c, s, a, b]): Step => (r, on) => r.report(c, s, on(a), b === null ? undefined : on(b))),
  fc.tuple(committee, day, day).map(([c, a, b]): Step => (r, on) => r.revise(c, on(a), on(b))),
  fc.tuple(committee, fc.constantFrom('confirmed' as const, 'returned' as const), day).map(([c, o, a]): Step => (r, on) => r.verify(c, o, on(a))),
  fc.tuple(committee, fc.constantFrom('2', '1', 'i'), day).map(([c, id, a]): Step => (r, on) => r.indicator(c, id, { direction: 'increase', baseline: 1, target: 5 }, on(a))),
  fc.tuple(committee, fc.constantFrom('2', '1', 'i'), day).map(([c, id, a]): Step => (r, on) => r.measure(c, id, a, on(a))),
  fc.tuple(fc.constantFrom('sustained' as const, 'lapsed' as const), day).map(([o, a]): Step => (r, on) => r.review(on(a), o)),
  day.map((a): Step => (r, on) => r.outcomeReported('bk-9', on(a))),
  day.map((a): Step => (r, on) => r.amend(['Neu'], on(a))),
  fc.tuple(day, fc.boolean()).map(([a, w]): Step => (r, on) => (w ? r.withdraw(on(a)) : r.supersede('R2', on(a)))),
  // A correction of a date (and of a report's status) of any earlier entry.
  fc.tuple(fc.nat(), day).map(([n, a]): Step => (r, on) => {
    const target = r.events[n % r.events.length];
    if (target.type === 'EntryCorrected') return;
    const dates = ['on', 'reportedOn', 'decidedOn', 'verifiedOn', 'effectiveOn', 'measuredOn', 'reviewedOn', 'adoptedOn'].filter((f) => f in (target.data as object));
    const fields = Object.fromEntries([...dates.map((f) => [f, on(a)]), ...(target.type === 'ImplementationStatusReported' ? [['status', 'implemented']] : [])]);
    r.correct(target.eventId, target.type, fields as never, on(a));
  }),
);

describe('one fold of a recommendation: the facts are the domain state, read', () => {
  const streams = simulatedStreams(16, 8_000);

  it('has a simulated history with corrections among its events', () => {
    expect(streams.flat().filter((e) => e.type === 'EntryCorrected').length).toBeGreaterThan(20);
  });

  it("gives each simulated recommendation's facts as factsOf the state the decider holds", () => {
    for (const stream of streams) {
      const { facts, fromState } = bothReadings(stream);
      expect(fromState).toBeDefined();
      expect(facts).toEqual(fromState);
    }
  });

  it('gives the same facts both ways for any sequence of entries, corrections applied once by the domain rule', () => {
    let recorded = 0;
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        const r = recommendation(`P${recorded}`, '2020-01-05', {}, { recordedAt: new Date(Date.UTC(2030, 0, 1, 0, 0, recorded++)).toISOString() });
        const on = (n: number) => addDays('2020-01-01', n);
        for (const s of steps) s(r, on);
        // Recorded in stream order, as the store does: record order and stream order agree.
        r.events.forEach((e, i) => (e.recordedAt = new Date(Date.UTC(2030, 0, 2, 0, 0, i))));
        const { facts, fromState } = bothReadings(r.events);
        expect(facts).toEqual(fromState);
      }),
      { numRuns: 500 },
    );
  });

  it('folds event by event (copying) to the state that the corrected entries fold to at once', () => {
    for (const stream of streams) {
      const state = deciderState(stream);
      if (state.status !== 'adopted') continue;
      const { entries, corrections, ...derived } = state;
      const once = foldCorrected(entries.map(({ event, eventId }) => ({ ...event, eventId })));
      expect(once).toEqual({ ...derived, entries: [], corrections: 0 });
    }
  });

  it("keeps each committee's current assignment as the latest of its hand-offs, the same object", () => {
    for (const stream of streams) {
      const state = deciderState(stream);
      if (state.status !== 'adopted') continue;
      for (const [committeeId, assignment] of Object.entries(state.assignments)) {
        expect(state.handOffs.filter((a) => a.committeeId === committeeId).at(-1)).toBe(assignment);
      }
    }
  });

  it('never changes the state it is given', () => {
    const r = recommendation('R', '2020-01-01').handOff('C1', '2020-01-02').accept('C1', '2020-01-03').report('C1', 'implemented', '2020-01-04');
    r.verify('C1', 'returned', '2020-01-05').revise('C1', '2020-03-01', '2020-01-06').indicator('C1', 'i', { direction: 'increase', baseline: 1, target: 2 }, '2020-01-07');
    r.measure('C1', 'i', 2, '2020-01-08').review('2020-01-09', 'sustained').correct(r.events[3].eventId, 'ImplementationStatusReported', { reportedOn: '2020-01-05' }, '2020-01-10');
    r.amend(['Neu'], '2020-01-11').outcomeReported('bk-9', '2020-01-12').withdrawHandOff('C1', '2020-01-13').withdraw('2020-01-14');
    let state = initialRecommendationState();
    for (const event of [...r.events, ...streams.slice(0, 100).flat()]) {
      const before = structuredClone(state);
      const next = evolveRecommendation(state, event, event.eventId);
      expect(state).toEqual(before);
      state = next;
    }
  });
});
