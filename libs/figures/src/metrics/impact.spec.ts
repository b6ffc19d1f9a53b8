import { recommendation } from '@app/testing/mothers/recommendation-history';
import { impactCoverage, indicatorAttainment } from './impact';
import { withDefaults } from './params';
import type { FigureContext } from './scope';

const asOf = '2021-12-31';
const ctx = (committeeId?: string): FigureContext => ({ asOf, params: withDefaults(), ...(committeeId ? { committeeId } : {}) });
const accepted = (id: string, committee = 'C1') =>
  recommendation(id, '2019-01-01').handOff(committee, '2019-01-10').accept(committee, '2019-01-11');

describe('impactCoverage', () => {
  it('counts a measurement after the implementation date, not one on it; partial implementation is in the base', () => {
    const onTheDay = accepted('A')
      .indicator('C1', 'i', { direction: 'increase', baseline: 0, target: 10 }, '2019-02-01')
      .report('C1', 'implemented', '2019-06-01')
      .measure('C1', 'i', 5, '2019-06-01');
    const dayAfter = accepted('B')
      .indicator('C1', 'i', { direction: 'increase', baseline: 0, target: 10 }, '2019-02-01')
      .report('C1', 'partially_implemented', '2019-06-01')
      .measure('C1', 'i', 5, '2019-06-02');
    const notImplemented = accepted('C')
      .indicator('C1', 'i', { direction: 'increase', baseline: 0, target: 10 }, '2019-02-01')
      .report('C1', 'in_progress', '2019-06-01')
      .measure('C1', 'i', 5, '2019-07-01');
    const rate = impactCoverage([onTheDay, dayAfter, notImplemented].map((r) => r.factsAt(asOf)), ctx());
    expect(rate).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
    expect(rate.counted.map((r) => r.recommendationId)).toEqual(['B']);
  });

  it('does not count a measurement dated after asOf', () => {
    const r = accepted('A')
      .indicator('C1', 'i', { direction: 'increase', baseline: 0, target: 10 }, '2019-02-01')
      .report('C1', 'implemented', '2019-06-01')
      .measure('C1', 'i', 5, '2020-01-01');
    expect(impactCoverage([r.factsAt('2019-12-31')], { ...ctx(), asOf: '2019-12-31' }).value).toBe(0);
    expect(impactCoverage([r.factsAt('2020-01-01')], { ...ctx(), asOf: '2020-01-01' }).value).toBe(1);
  });

  it('is null with nothing implemented', () => {
    expect(impactCoverage([accepted('A').factsAt(asOf)], ctx()).value).toBeNull();
  });
});

describe('indicatorAttainment', () => {
  it('scores direction-aware, clips to [0, 1.5] and averages over measured indicators', () => {
    const r = accepted('A')
      // decrease 20 → 10, latest 14: (20 − 14) / (20 − 10) = 0.6
      .indicator('C1', 'down', { direction: 'decrease', baseline: 20, target: 10 }, '2019-02-01')
      .measure('C1', 'down', 14, '2019-06-01')
      // decrease 20 → 10, got worse (25): −0.5 → 0
      .indicator('C1', 'worse', { direction: 'decrease', baseline: 20, target: 10 }, '2019-02-01')
      .measure('C1', 'worse', 25, '2019-06-01')
      // increase 10 → 30, latest 50: 2 → 1.5
      .indicator('C1', 'over', { direction: 'increase', baseline: 10, target: 30 }, '2019-02-01')
      .measure('C1', 'over', 50, '2019-06-01')
      // never measured: not in the mean
      .indicator('C1', 'quiet', { direction: 'increase', baseline: 0, target: 1 }, '2019-02-01');
    const attainment = indicatorAttainment([r.factsAt(asOf)], ctx());
    expect(attainment.indicators.map((i) => [i.indicatorId, i.score])).toEqual([
      ['down', 0.6],
      ['worse', 0],
      ['over', 1.5],
    ]);
    expect(attainment.indicators.find((i) => i.indicatorId === 'worse')!.raw).toBe(-0.5);
    expect(attainment.denominator).toBe(3);
    expect(attainment.value).toBeCloseTo((0.6 + 0 + 1.5) / 3, 10);
  });

  it('takes the latest measurement by its date, not by when it was entered', () => {
    const r = accepted('A')
      .indicator('C1', 'i', { direction: 'decrease', baseline: 20, target: 10 }, '2019-02-01')
      .measure('C1', 'i', 12, '2019-05-01')
      .measure('C1', 'i', 14, '2019-03-01', { recordedAt: '2019-05-02T12:00:00Z' });
    expect(indicatorAttainment([r.factsAt(asOf)], ctx()).value).toBeCloseTo(0.8, 10); // (20 − 12) / 10
  });

  it('leaves out an indicator whose target is not beyond its baseline in its direction', () => {
    const r = accepted('A')
      .indicator('C1', 'flat', { direction: 'increase', baseline: 10, target: 10 }, '2019-02-01')
      .measure('C1', 'flat', 12, '2019-06-01')
      .indicator('C1', 'backwards', { direction: 'increase', baseline: 10, target: 5 }, '2019-02-01')
      .measure('C1', 'backwards', 12, '2019-06-01');
    const attainment = indicatorAttainment([r.factsAt(asOf)], ctx());
    expect(attainment).toMatchObject({ value: null, denominator: 0 });
    expect(attainment.indicators.map((i) => i.score)).toEqual([null, null]);
  });

  it("uses a corrected baseline once the correction is recorded", () => {
    const r = accepted('A').indicator('C1', 'i', { direction: 'increase', baseline: 0, target: 20 }, '2019-02-01');
    const definition = r.lastEventId;
    r.measure('C1', 'i', 15, '2019-06-01').correct(
      definition,
      'ImpactIndicatorDefined',
      { baseline: { value: 10, on: '2019-02-01' } },
      '2019-07-01',
      { recordedAt: '2019-07-01T12:00:00Z' },
    );
    expect(indicatorAttainment([r.factsAt(asOf, '2019-06-30T00:00:00Z')], ctx()).value).toBeCloseTo(0.75, 10); // 15 / 20
    expect(indicatorAttainment([r.factsAt(asOf)], ctx()).value).toBeCloseTo(0.5, 10); // (15 − 10) / (20 − 10)
  });

  it("leaves out a withdrawn recommendation's indicators, and takes only its committee's under a committee grouping", () => {
    const a = accepted('A', 'C1')
      .indicator('C1', 'i', { direction: 'increase', baseline: 0, target: 10 }, '2019-02-01')
      .measure('C1', 'i', 10, '2019-06-01');
    const b = accepted('B', 'C2')
      .indicator('C2', 'i', { direction: 'increase', baseline: 0, target: 10 }, '2019-02-01')
      .measure('C2', 'i', 5, '2019-06-01');
    const c = accepted('C', 'C1')
      .indicator('C1', 'i', { direction: 'increase', baseline: 0, target: 10 }, '2019-02-01')
      .measure('C1', 'i', 0, '2019-06-01')
      .withdraw('2019-07-01');
    const facts = [a, b, c].map((r) => r.factsAt(asOf));
    expect(indicatorAttainment(facts, ctx()).value).toBeCloseTo(0.75, 10);
    expect(indicatorAttainment(facts, ctx('C2')).value).toBeCloseTo(0.5, 10);
  });

  it('is null with no measured indicator', () => {
    expect(indicatorAttainment([], ctx())).toMatchObject({ value: null, numerator: 0, denominator: 0 });
  });
});
