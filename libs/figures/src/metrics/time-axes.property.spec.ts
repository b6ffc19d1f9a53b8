import type { ImplementationStatus, SustainabilityOutcome } from '@app/domain';
import fc from 'fast-check';
import { addDays } from '../history/dates';
import type { RecommendationHistory } from '@app/testing/mothers/recommendation-history';
import { figures } from './figures';
import { workedExample } from '@app/testing/mothers/worked-example';

/** One more entry for one of the worked example's recommendations, on a given day. */
type Extra =
  | { kind: 'handOff'; rec: number; committee: string }
  | { kind: 'accept'; rec: number; committee: string }
  | { kind: 'report'; rec: number; committee: string; status: ImplementationStatus }
  | { kind: 'review'; rec: number; outcome: SustainabilityOutcome }
  | { kind: 'measure'; rec: number; value: number }
  | { kind: 'withdraw'; rec: number }
  | { kind: 'outcome'; rec: number };

const rec = fc.integer({ min: 0, max: 4 });
const committee = fc.constantFrom('C1', 'C2', 'C3', 'C4');
const extra: fc.Arbitrary<Extra> = fc.oneof(
  fc.record({ kind: fc.constant('handOff' as const), rec, committee }),
  fc.record({ kind: fc.constant('accept' as const), rec, committee }),
  fc.record({
    kind: fc.constant('report' as const),
    rec,
    committee,
    status: fc.constantFrom<ImplementationStatus>('in_progress', 'implemented', 'partially_implemented', 'not_implemented'),
  }),
  fc.record({ kind: fc.constant('review' as const), rec, outcome: fc.constantFrom<SustainabilityOutcome>('sustained', 'at_risk', 'lapsed') }),
  fc.record({ kind: fc.constant('measure' as const), rec, value: fc.integer({ min: -50, max: 100 }) }),
  fc.record({ kind: fc.constant('withdraw' as const), rec }),
  fc.record({ kind: fc.constant('outcome' as const), rec }),
);

function apply(histories: RecommendationHistory[], e: Extra, on: string, recordedAt: string): void {
  const r = histories[e.rec];
  const as = { recordedAt };
  switch (e.kind) {
    case 'handOff':
      r.handOff(e.committee, on, on, as);
      break;
    case 'accept':
      r.accept(e.committee, on, as);
      break;
    case 'report':
      r.report(e.committee, e.status, on, undefined, as);
      break;
    case 'review':
      r.review(on, e.outcome, ['budget'], as);
      break;
    case 'measure':
      r.measure('C1', 'i1', e.value, on, as);
      break;
    case 'withdraw':
      r.withdraw(on, as);
      break;
    case 'outcome':
      r.outcomeReported('bk-9', on, as);
      break;
    default: {
      const _exhaustive: never = e;
      return _exhaustive;
    }
  }
}

/** What a page prints of every figure. */
function printed(histories: RecommendationHistory[], asOf: string, knownAt?: string) {
  const { conferences } = workedExample();
  const all = figures(histories.map((r) => r.factsAt(asOf, knownAt)), { asOf, conferences });
  return Object.fromEntries(
    Object.entries(all).map(([name, f]) => [name, 'count' in f ? [f.value, f.count] : [f.value, f.numerator, f.denominator]]),
  );
}

describe('the two time axes, on the worked example with random extra entries', () => {
  const { asOf } = workedExample();
  const expected = printed(workedExample().histories, asOf);

  it('entries dated after asOf change no figure at asOf', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(extra, fc.integer({ min: 1, max: 900 })), { maxLength: 12 }), (extras) => {
        const { histories } = workedExample();
        for (const [e, offset] of extras) {
          const on = addDays(asOf, offset);
          apply(histories, e, on, `${on}T12:00:00Z`);
        }
        expect(printed(histories, asOf)).toEqual(expected);
      }),
    );
  });

  it('back-dated entries recorded after knownAt change no figure known at knownAt', () => {
    const knownAt = '2021-07-01T00:00:00Z';
    fc.assert(
      fc.property(fc.array(fc.tuple(extra, fc.integer({ min: 0, max: 954 })), { maxLength: 12 }), (extras) => {
        const { histories } = workedExample();
        for (const [e, offset] of extras) apply(histories, e, addDays('2018-11-20', offset), '2021-08-01T09:00:00Z');
        expect(printed(histories, asOf, knownAt)).toEqual(expected);
      }),
    );
  });
});
