import { recommendation } from '@app/testing/mothers/recommendation-history';
import { implementationRate, medianMonthsToImplementation, partialImplementationRate } from './implementation';
import { withDefaults, type FigureParams } from './params';
import type { FigureContext } from './scope';

const ctx = (asOf: string, params: Partial<FigureParams> = {}): FigureContext => ({ asOf, params: withDefaults(params) });
const ids = (items: { recommendationId: string }[]) => items.map((i) => i.recommendationId);
const implementedOn = (id: string, adoptedOn: string, on: string, status: 'implemented' | 'partially_implemented' = 'implemented') =>
  recommendation(id, adoptedOn).handOff('C1', adoptedOn).accept('C1', adoptedOn).report('C1', status, on);

describe('implementationRate (H = 24 months)', () => {
  const asOf = '2022-12-31';

  it('counts implemented on the same calendar day 24 months later, not the day after', () => {
    const facts = [implementedOn('A', '2018-11-20', '2020-11-20').factsAt(asOf), implementedOn('B', '2018-11-20', '2020-11-21').factsAt(asOf)];
    const rate = implementationRate(facts, ctx(asOf));
    expect(rate).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
    expect(ids(rate.counted)).toEqual(['A']);
  });

  it('ends a month from 31 January on 28 February', () => {
    const facts = [implementedOn('A', '2019-01-31', '2019-02-28').factsAt(asOf), implementedOn('B', '2019-01-31', '2019-03-01').factsAt(asOf)];
    expect(ids(implementationRate(facts, ctx(asOf, { implementationMonths: 1 })).counted)).toEqual(['A']);
  });

  it('does not count a recommendation while another hand-off is pending', () => {
    const f = implementedOn('A', '2019-01-01', '2019-06-01').handOff('C2', '2019-07-01').factsAt(asOf);
    expect(implementationRate([f], ctx(asOf))).toMatchObject({ value: 0, denominator: 1 });
  });

  it('dates it by the report that made it so: the last of two committees', () => {
    // C1 within 24 months, C2 only after: reached implemented after 24 months.
    const f = implementedOn('A', '2019-01-01', '2019-06-01')
      .handOff('C2', '2019-02-01')
      .accept('C2', '2019-02-02')
      .report('C2', 'implemented', '2021-01-02')
      .factsAt(asOf);
    expect(f.implementedOn).toBe('2021-01-02');
    expect(implementationRate([f], ctx(asOf)).value).toBe(0);
    expect(implementationRate([f], ctx(asOf, { implementationMonths: 25 })).value).toBe(1);
  });

  it('leaves withdrawn and superseded recommendations out of the base', () => {
    const facts = [
      implementedOn('A', '2019-01-01', '2019-06-01').factsAt(asOf),
      implementedOn('B', '2019-01-01', '2019-06-01').withdraw('2019-07-01').factsAt(asOf),
      recommendation('C', '2019-01-01').supersede('A', '2019-02-01').factsAt(asOf),
      recommendation('D', '2019-01-01').factsAt(asOf),
    ];
    expect(implementationRate(facts, ctx(asOf))).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
  });

  it('counts partial implementation apart; not_implemented counts in neither', () => {
    const facts = [
      implementedOn('A', '2019-01-01', '2019-06-01').factsAt(asOf),
      implementedOn('B', '2019-01-01', '2019-06-01', 'partially_implemented').factsAt(asOf),
      recommendation('C', '2019-01-01').handOff('C1', '2019-01-02').accept('C1', '2019-01-03').report('C1', 'not_implemented', '2019-05-01').factsAt(asOf),
    ];
    expect(implementationRate(facts, ctx(asOf))).toMatchObject({ numerator: 1, denominator: 3 });
    expect(partialImplementationRate(facts, ctx(asOf))).toMatchObject({ numerator: 1, denominator: 3 });
    expect(ids(partialImplementationRate(facts, ctx(asOf)).counted)).toEqual(['B']);
  });

  it('is null on an empty base', () => {
    expect(implementationRate([], ctx(asOf)).value).toBeNull();
    expect(partialImplementationRate([], ctx(asOf)).value).toBeNull();
  });
});

describe('medianMonthsToImplementation', () => {
  const asOf = '2022-12-31';
  it('is the median of days over the fully implemented, in months of 30.4375 days to one decimal', () => {
    const facts = [
      implementedOn('A', '2019-01-01', '2019-04-11').factsAt(asOf), // 100 days
      implementedOn('B', '2019-01-01', '2019-07-20').factsAt(asOf), // 200 days
      implementedOn('C', '2019-01-01', '2019-02-01', 'partially_implemented').factsAt(asOf), // not implemented
    ];
    // median 150 days / 30.4375 = 4.928… → 4.9
    expect(medianMonthsToImplementation(facts, ctx(asOf))).toMatchObject({ value: 4.9, medianDays: 150, count: 2 });
  });
  it('rounds the months to the nearest tenth: 200 days are 6.6 months (6.5708…), not 6.5', () => {
    const facts = [implementedOn('B', '2019-01-01', '2019-07-20').factsAt(asOf)];
    expect(medianMonthsToImplementation(facts, ctx(asOf))).toMatchObject({ value: 6.6, medianDays: 200, count: 1 });
  });
  it('is null with none implemented', () => {
    expect(medianMonthsToImplementation([recommendation('A', '2019-01-01').factsAt(asOf)], ctx(asOf)).value).toBeNull();
  });
});
