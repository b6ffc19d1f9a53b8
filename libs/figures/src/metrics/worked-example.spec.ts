import { figures } from './figures';
import { funnel } from './funnel';
import { withDefaults } from './params';
import { workedExample } from '@app/testing/mothers/worked-example';

/** metrics.md "Worked example", every row of its table. */
describe('the worked example of metrics.md (cohort "8. BK", asOf 2021-06-30)', () => {
  const { asOf, conferences, histories } = workedExample();
  const [r1, r2, r3, r4, r5] = histories;
  const all = figures([r1, r2, r3, r4, r5].map((r) => r.factsAt(asOf)), { asOf, conferences });

  it('handoffRate 0.5: R1 (56 days), R3 (73) within 90; R2 (141) late; R5 none; base 4', () => {
    expect(all.handoffRate).toMatchObject({ value: 0.5, numerator: 2, denominator: 4 });
    expect(all.handoffRate.counted.map((r) => r.recommendationId)).toEqual(['R1', 'R3']);
  });
  it('medianDaysToHandOff 73 of 56, 73, 141', () => {
    expect(all.medianDaysToHandOff.samples.map((s) => s.days)).toEqual([56, 141, 73]);
    expect(all.medianDaysToHandOff.value).toBe(73);
  });
  it("responseRate 0.75: 17, 19, 9 days within 60; C2's 71 days late", () => {
    expect(all.responseRate).toMatchObject({ value: 0.75, numerator: 3, denominator: 4 });
    expect(all.responseRate.notCounted).toEqual([expect.objectContaining({ recommendationId: 'R2', committeeId: 'C2' })]);
  });
  it('reportingCompliance 0.667: R2/C2 overdue since 2020-03-01', () => {
    expect(all.reportingCompliance.value).toBeCloseTo(0.667, 3);
    expect(all.reportingCompliance).toMatchObject({ numerator: 2, denominator: 3 });
    expect(all.reportingCompliance.notCounted).toEqual([
      expect.objectContaining({ recommendationId: 'R2', committeeId: 'C2', dueOn: '2020-03-01' }),
    ]);
  });
  it('implementationRate 0.25 (R1) and partialImplementationRate 0.25 (R3) of 4', () => {
    expect(all.implementationRate).toMatchObject({ value: 0.25, numerator: 1, denominator: 4 });
    expect(all.partialImplementationRate).toMatchObject({ value: 0.25, numerator: 1, denominator: 4 });
    expect(all.partialImplementationRate.counted.map((r) => r.recommendationId)).toEqual(['R3']);
  });
  it('medianMonthsToImplementation 10.8 (R1: 329 days)', () => {
    expect(all.medianMonthsToImplementation).toMatchObject({ value: 10.8, medianDays: 329, count: 1 });
  });
  it('impactCoverage 0.5: R1 measured after implementation, R3 not', () => {
    expect(all.impactCoverage).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
  });
  it('indicatorAttainment 0.75 = (25 − 10) / (30 − 10)', () => {
    expect(all.indicatorAttainment.value).toBeCloseTo(0.75, 10);
  });
  it('sustainabilityRate 0.5, lapseRate 0.5, unreviewedRate 0', () => {
    expect(all.sustainabilityRate).toMatchObject({ value: 0.5, denominator: 2 });
    expect(all.lapseRate).toMatchObject({ value: 0.5, denominator: 2 });
    expect(all.unreviewedRate).toMatchObject({ value: 0, denominator: 2 });
  });
  it('anchoredRate 1: R1 by budget', () => {
    expect(all.anchoredRate).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
  });
  it('stallRate 1: R2 and R5 open and silent for 180+ days', () => {
    expect(all.stallRate).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
    expect(all.stallRate.counted.map((r) => r.recommendationId)).toEqual(['R2', 'R5']);
  });
  it('verified closure: nothing confirmed, both claims (R1 implemented, R3 partially) unverified, no revision', () => {
    expect(all.verifiedImplementationRate).toMatchObject({ value: 0, numerator: 0, denominator: 4 });
    expect(all.unverifiedClaimRate).toMatchObject({ value: 1, numerator: 2, denominator: 2 });
    expect(all.dueDateRevisionRate).toMatchObject({ value: 0, numerator: 0, denominator: 3 });
  });
  it('loopClosureRate 0.25: R1 of 4', () => {
    expect(all.loopClosureRate).toMatchObject({ value: 0.25, numerator: 1, denominator: 4 });
  });

  it('funnel: 4 adopted → 3 handed off → 3 accepted → 3 reported → 2 implemented → 0 verified → 1 measured → 1 sustained', () => {
    const facts = [r1, r2, r3, r4, r5].map((r) => r.factsAt(asOf));
    expect(funnel(facts, { asOf, params: withDefaults() }).map((s) => [s.stage, s.count])).toEqual([
      ['adopted', 4],
      ['handedOff', 3],
      ['accepted', 3],
      ['reported', 3],
      ['implemented', 2],
      ['verified', 0],
      ['impactMeasured', 1],
      ['sustained', 1],
    ]);
  });
});
