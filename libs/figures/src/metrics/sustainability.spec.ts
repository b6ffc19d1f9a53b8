import type { Anchoring, SustainabilityOutcome } from '@app/domain';
import { recommendation } from '@app/testing/mothers/recommendation-history';
import { withDefaults, type FigureParams } from './params';
import type { FigureContext } from './scope';
import { anchoredRate, lapseRate, sustainabilityRate, unreviewedRate } from './sustainability';

const ctx = (asOf: string, params: Partial<FigureParams> = {}): FigureContext => ({ asOf, params: withDefaults(params) });
const ids = (items: { recommendationId: string }[]) => items.map((i) => i.recommendationId);
const implemented = (id: string, on: string, status: 'implemented' | 'partially_implemented' = 'implemented') =>
  recommendation(id, '2018-06-01').handOff('C1', '2018-06-02').accept('C1', '2018-06-03').report('C1', status, on);

describe('sustainability figures (M = 12 months)', () => {
  it('take into the base those implemented at least 12 months before asOf, to the calendar day', () => {
    const r = implemented('A', '2019-01-31');
    expect(sustainabilityRate([r.factsAt('2020-01-30')], ctx('2020-01-30')).denominator).toBe(0);
    expect(sustainabilityRate([r.factsAt('2020-01-31')], ctx('2020-01-31')).denominator).toBe(1);
  });

  it('count partially implemented recommendations in the base', () => {
    const f = implemented('A', '2019-01-01', 'partially_implemented').review('2020-02-01', 'sustained').factsAt('2021-01-01');
    expect(sustainabilityRate([f], ctx('2021-01-01'))).toMatchObject({ value: 1, denominator: 1 });
  });

  it('count only reviews dated 12 months or more after implementation (31 Jan + 1 month = 28 Feb)', () => {
    const asOf = '2021-01-01';
    const tooEarly = implemented('A', '2019-01-31').review('2020-01-30', 'sustained').factsAt(asOf);
    const onTheDay = implemented('B', '2019-01-31').review('2020-01-31', 'sustained').factsAt(asOf);
    expect(ids(sustainabilityRate([tooEarly, onTheDay], ctx(asOf)).counted)).toEqual(['B']);
    expect(ids(unreviewedRate([tooEarly, onTheDay], ctx(asOf)).counted)).toEqual(['A']);

    const monthEnd = implemented('C', '2019-01-31').review('2019-02-28', 'lapsed').factsAt(asOf);
    expect(lapseRate([monthEnd], ctx(asOf, { reviewMonths: 1 })).value).toBe(1);
  });

  it('read the latest such review; at risk is neither sustained, lapsed nor unreviewed', () => {
    const asOf = '2022-01-01';
    const review = (id: string, ...outcomes: SustainabilityOutcome[]) =>
      outcomes.reduce((r, outcome, i) => r.review(`2020-0${i + 2}-01`, outcome), implemented(id, '2019-01-01')).factsAt(asOf);
    const facts = [review('A', 'lapsed', 'sustained'), review('B', 'sustained', 'lapsed'), review('C', 'at_risk'), implemented('D', '2019-01-01').factsAt(asOf)];
    expect(sustainabilityRate(facts, ctx(asOf))).toMatchObject({ numerator: 1, denominator: 4 });
    expect(ids(sustainabilityRate(facts, ctx(asOf)).counted)).toEqual(['A']);
    expect(ids(lapseRate(facts, ctx(asOf)).counted)).toEqual(['B']);
    expect(ids(unreviewedRate(facts, ctx(asOf)).counted)).toEqual(['D']);
  });

  it('leave out withdrawn recommendations and are null on an empty base', () => {
    const f = implemented('A', '2019-01-01').review('2020-02-01', 'sustained').withdraw('2020-03-01').factsAt('2021-01-01');
    for (const figure of [sustainabilityRate, lapseRate, unreviewedRate, anchoredRate]) {
      expect(figure([f], ctx('2021-01-01'))).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    }
  });
});

describe('anchoredRate', () => {
  it('among the sustained: share anchored by budget or regular structure', () => {
    const asOf = '2022-01-01';
    const reviewed = (id: string, outcome: SustainabilityOutcome, anchoring: Anchoring[]) =>
      implemented(id, '2019-01-01').review('2020-02-01', outcome, anchoring).factsAt(asOf);
    const facts = [
      reviewed('A', 'sustained', ['budget']),
      reviewed('B', 'sustained', ['regular_structure', 'staff']),
      reviewed('C', 'sustained', ['agreement', 'staff']),
      reviewed('D', 'at_risk', ['budget']),
    ];
    const rate = anchoredRate(facts, ctx(asOf));
    expect(rate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(ids(rate.notCounted)).toEqual(['C']);
  });
});
