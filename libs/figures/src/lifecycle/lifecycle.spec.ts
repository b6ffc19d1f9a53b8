import { recommendation, type RecommendationHistory } from '@app/testing/mothers/recommendation-history';
import { lifecycleOf, type LifecycleState } from './lifecycle';

const asOf = '2020-01-01';
const adopted = () => recommendation('R', '2019-11-01');
const accepted = (committee = 'C1') => adopted().handOff(committee, '2019-11-05').accept(committee, '2019-11-06');

describe('lifecycleOf (domain.md "Lifecycle")', () => {
  const table: [string, () => RecommendationHistory, LifecycleState][] = [
    ['nothing after adoption', adopted, 'adopted'],
    ['a pending hand-off', () => adopted().handOff('C1', '2019-11-05'), 'handed_off'],
    ['an accepted hand-off, not yet reported', () => accepted(), 'handed_off'],
    ['an accepted hand-off reported in progress', () => accepted().report('C1', 'in_progress', '2019-12-01'), 'in_progress'],
    ['an accepted hand-off reported planned', () => accepted().report('C1', 'planned', '2019-12-01'), 'in_progress'],
    ['one assignment implemented, another still pending', () => accepted().report('C1', 'implemented', '2019-12-01').handOff('C2', '2019-12-02'), 'in_progress'],
    ['every active assignment implemented', () => accepted().report('C1', 'implemented', '2019-12-01'), 'implemented'],
    [
      'implemented and partially implemented',
      () => accepted().handOff('C2', '2019-11-07').accept('C2', '2019-11-08').report('C1', 'implemented', '2019-12-01').report('C2', 'partially_implemented', '2019-12-02'),
      'partially_implemented',
    ],
    [
      'implemented and not implemented',
      () => accepted().handOff('C2', '2019-11-07').accept('C2', '2019-11-08').report('C1', 'implemented', '2019-12-01').report('C2', 'not_implemented', '2019-12-02'),
      'partially_implemented',
    ],
    ['every active assignment not implemented', () => accepted().report('C1', 'not_implemented', '2019-12-01'), 'not_implemented'],
    ['the only hand-off declined', () => adopted().handOff('C1', '2019-11-05').decline('C1', '2019-11-06'), 'declined'],
    ['the only hand-off withdrawn', () => adopted().handOff('C1', '2019-11-05').withdrawHandOff('C1', '2019-11-06'), 'declined'],
    ['declined by one, pending with another', () => adopted().handOff('C1', '2019-11-05').decline('C1', '2019-11-06').handOff('C2', '2019-11-07'), 'handed_off'],
    [
      'implemented by one, the other assignment withdrawn after acceptance',
      () => accepted().handOff('C2', '2019-11-07').accept('C2', '2019-11-08').report('C1', 'implemented', '2019-12-01').withdrawHandOff('C2', '2019-12-02'),
      'implemented',
    ],
    ['implemented, latest review sustained', () => accepted().report('C1', 'implemented', '2019-12-01').review('2019-12-15', 'sustained'), 'sustained'],
    ['implemented, latest review at risk', () => accepted().report('C1', 'implemented', '2019-12-01').review('2019-12-10', 'sustained').review('2019-12-15', 'at_risk'), 'at_risk'],
    ['partially implemented, review lapsed', () => accepted().report('C1', 'partially_implemented', '2019-12-01').review('2019-12-15', 'lapsed'), 'lapsed'],
    [
      'a review from before the current implementation does not count',
      () => accepted().report('C1', 'partially_implemented', '2019-11-20').review('2019-11-25', 'lapsed').report('C1', 'implemented', '2019-12-01'),
      'implemented',
    ],
    ['withdrawn, even when implemented', () => accepted().report('C1', 'implemented', '2019-12-01').withdraw('2019-12-10'), 'withdrawn'],
    ['superseded', () => adopted().supersede('R2', '2019-12-10'), 'superseded'],
  ];

  it.each(table)('%s → %s', (_, history, state) => {
    expect(lifecycleOf(history().factsAt(asOf), asOf).state).toBe(state);
  });

  it('only a state at asOf counts: later reports are not yet', () => {
    const r = accepted().report('C1', 'in_progress', '2019-12-01').report('C1', 'implemented', '2019-12-20');
    expect(lifecycleOf(r.factsAt('2019-12-19'), '2019-12-19').state).toBe('in_progress');
    expect(lifecycleOf(r.factsAt('2019-12-20'), '2019-12-20').state).toBe('implemented');
  });
});

describe('stalled: adopted, handed off or in progress with no event dated within the 180 days before asOf', () => {
  const lastEventOn = '2019-06-01';
  const stalledAt = (r: RecommendationHistory, on: string) => lifecycleOf(r.factsAt(on), on).stalled;
  const day180 = '2019-11-28'; // 2019-06-01 + 180 days
  const day181 = '2019-11-29';

  it('an in-progress recommendation is not stalled on day 180 and is on day 181', () => {
    const r = recommendation('R', '2019-05-01').handOff('C1', '2019-05-02').accept('C1', '2019-05-03').report('C1', 'in_progress', lastEventOn);
    expect(stalledAt(r, day180)).toBe(false);
    expect(stalledAt(r, day181)).toBe(true);
  });

  it('counts the adoption itself for an untouched recommendation', () => {
    const r = recommendation('R', lastEventOn);
    expect(stalledAt(r, day180)).toBe(false);
    expect(stalledAt(r, day181)).toBe(true);
  });

  it('counts any event of the stream, an amendment too', () => {
    const r = recommendation('R', '2019-01-01').amend(['Übergang Schule/Beruf'], lastEventOn);
    expect(stalledAt(r, day180)).toBe(false);
    expect(stalledAt(r, day181)).toBe(true);
  });

  it('never flags implemented, declined, withdrawn or not implemented recommendations', () => {
    const long = '2022-01-01';
    expect(stalledAt(accepted().report('C1', 'implemented', '2019-12-01'), long)).toBe(false);
    expect(stalledAt(adopted().handOff('C1', '2019-11-05').decline('C1', '2019-11-06'), long)).toBe(false);
    expect(stalledAt(adopted().withdraw('2019-11-05'), long)).toBe(false);
    expect(stalledAt(accepted().report('C1', 'not_implemented', '2019-12-01'), long)).toBe(false);
  });
});
