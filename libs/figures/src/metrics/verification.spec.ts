import { recommendation } from '@app/testing/mothers/recommendation-history';
import { figures } from './figures';
import { funnel } from './funnel';
import { reportingCompliance } from './follow-through';
import { withDefaults, type FigureParams } from './params';
import type { FigureContext } from './scope';
import { dueDateRevisionRate, unverifiedClaimRate, verifiedImplementationRate } from './verification';

/**
 * Hand-computed from metrics.md ("Due dates with revisions", "Returned claims", "Claims",
 * "Verified implemented"); each case says its arithmetic.
 */
const ctx = (asOf: string, params: Partial<FigureParams> = {}): FigureContext => ({ asOf, params: withDefaults(params) });
const ids = (items: { recommendationId: string }[]) => items.map((i) => i.recommendationId);
const accepted = (id: string, decidedOn = '2020-01-10', dueOn = '2020-06-30') =>
  recommendation(id, '2020-01-01').handOff('C1', decidedOn, dueOn).accept('C1', '2020-01-20');

describe('current due date with revisions', () => {
  it('a revision replaces the hand-off due date: overdue from the day after the new date only', () => {
    const r = accepted('A').revise('C1', '2020-09-30', '2020-06-15');
    expect(r.factsAt('2020-09-30').handOffs[0]).toMatchObject({ currentDueOn: '2020-09-30', overdue: false });
    expect(r.factsAt('2020-10-01').handOffs[0]).toMatchObject({ currentDueOn: '2020-09-30', overdue: true });
    // Before the revision is dated, the hand-off's date stands: overdue on 2020-07-01 had nobody revised by then.
    expect(accepted('B').revise('C1', '2020-09-30', '2020-07-15').factsAt('2020-07-01').handOffs[0]).toMatchObject({ currentDueOn: '2020-06-30', overdue: true });
  });

  it('a revision after a report without a next due date gives the assignment a due date again', () => {
    // Report 2020-05-01 in_progress without next date: no due date (never overdue). Revision 2020-08-01 → due 2020-10-31.
    const r = accepted('A').report('C1', 'in_progress', '2020-05-01').revise('C1', '2020-10-31', '2020-08-01');
    expect(r.factsAt('2020-07-31').handOffs[0].currentDueOn).toBeUndefined();
    expect(r.factsAt('2020-11-01').handOffs[0]).toMatchObject({ currentDueOn: '2020-10-31', overdue: true });
    expect(reportingCompliance([r.factsAt('2020-11-01')], ctx('2020-11-01'))).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
  });

  it('a later report wins over an earlier revision; on the same day the later recorded wins', () => {
    const reportAfter = accepted('A').revise('C1', '2020-12-31', '2020-05-01').report('C1', 'in_progress', '2020-06-01', '2020-07-31');
    expect(reportAfter.factsAt('2020-08-15').handOffs[0]).toMatchObject({ currentDueOn: '2020-07-31', overdue: true });
    const sameDay = accepted('B').report('C1', 'in_progress', '2020-06-01', '2020-07-31').revise('C1', '2020-12-31', '2020-06-01');
    expect(sameDay.factsAt('2020-08-15').handOffs[0]).toMatchObject({ currentDueOn: '2020-12-31', overdue: false });
    // Recorded later but dated earlier: business order puts the revision first, so the report's date stands.
    const backDated = accepted('C')
      .report('C1', 'in_progress', '2020-06-01', '2020-07-31')
      .revise('C1', '2020-12-31', '2020-05-15', { recordedAt: '2020-06-10T09:00:00Z' });
    expect(backDated.factsAt('2020-08-15').handOffs[0].currentDueOn).toBe('2020-07-31');
  });

  it('the hand-off date stays in the history beside its revisions', () => {
    const f = accepted('A').revise('C1', '2020-09-30', '2020-06-15').revise('C1', '2020-12-31', '2020-09-20').factsAt('2020-10-01');
    expect(f.handOffs[0].reportDueOn).toBe('2020-06-30');
    expect(f.handOffs[0].revisions!.map((r) => r.newDueOn)).toEqual(['2020-09-30', '2020-12-31']);
    expect(f.handOffs[0].currentDueOn).toBe('2020-12-31');
  });
});

describe('returned claims', () => {
  it('from verifiedOn on the claim counts as in_progress without a due date; implementation and its date are gone', () => {
    const r = accepted('A').report('C1', 'implemented', '2020-05-01').verify('C1', 'returned', '2020-05-20');
    expect(r.factsAt('2020-05-19')).toMatchObject({ implementedOn: '2020-05-01' });
    const after = r.factsAt('2020-05-20');
    expect(after.implementedOn).toBeUndefined();
    expect(after.handOffs[0].lastReport).toMatchObject({ status: 'in_progress', returnedOn: '2020-05-20', claimedStatus: 'implemented' });
    expect(after.handOffs[0].currentDueOn).toBeUndefined();
    expect(after.handOffs[0].overdue).toBe(false);
  });

  it('the committee reports again: the new report gives the new implementation date, and it is a new claim', () => {
    const r = accepted('A')
      .report('C1', 'implemented', '2020-05-01')
      .verify('C1', 'returned', '2020-05-20')
      .report('C1', 'implemented', '2020-08-01')
      .verify('C1', 'confirmed', '2020-08-10');
    expect(r.factsAt('2020-07-31').implementedOn).toBeUndefined();
    expect(r.factsAt('2020-08-05')).toMatchObject({ implementedOn: '2020-08-01' });
    expect(r.factsAt('2020-08-05').verifiedImplementedOn).toBeUndefined();
    expect(r.factsAt('2020-08-10')).toMatchObject({ implementedOn: '2020-08-01', verifiedImplementedOn: '2020-08-10' });
  });

  it('a revision after the return gives a due date again; the claim stays withdrawn', () => {
    const f = accepted('A').report('C1', 'implemented', '2020-05-01').verify('C1', 'returned', '2020-05-20').revise('C1', '2020-07-31', '2020-06-01').factsAt('2020-08-01');
    expect(f.handOffs[0]).toMatchObject({ currentDueOn: '2020-07-31', overdue: true });
    expect(f.handOffs[0].lastReport!.status).toBe('in_progress');
    expect(f.implementedOn).toBeUndefined();
  });

  it('the next report dated before the return does not lift it (business order)', () => {
    const f = accepted('A')
      .report('C1', 'implemented', '2020-05-01')
      .verify('C1', 'returned', '2020-05-20')
      .report('C1', 'implemented', '2020-05-10', undefined, { recordedAt: '2020-06-01T08:00:00Z' })
      .factsAt('2020-06-30');
    expect(f.implementedOn).toBeUndefined();
  });
});

describe('verifiedImplementationRate (H = 24 months)', () => {
  const asOf = '2023-06-30';
  it('verified on the same day as its report: dated that day', () => {
    const f = accepted('A').report('C1', 'implemented', '2020-05-01').verify('C1', 'confirmed', '2020-05-01').factsAt(asOf);
    expect(f.verifiedImplementedOn).toBe('2020-05-01');
    expect(verifiedImplementationRate([f], ctx(asOf))).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
  });

  it('dates it by the later of implementation and the last confirmation; counts within 24 months only', () => {
    // Adopted 2020-01-01: within until 2022-01-01. A confirmed 2021-12-31 (in), B confirmed 2022-01-02 (out),
    // C implemented but not confirmed, D partially implemented and confirmed (not implemented).
    const a = accepted('A').report('C1', 'implemented', '2020-05-01').verify('C1', 'confirmed', '2021-12-31');
    const b = accepted('B').report('C1', 'implemented', '2020-05-01').verify('C1', 'confirmed', '2022-01-02');
    const c = accepted('C').report('C1', 'implemented', '2020-05-01');
    const d = accepted('D').report('C1', 'partially_implemented', '2020-05-01').verify('C1', 'confirmed', '2020-06-01');
    const facts = [a, b, c, d].map((r) => r.factsAt(asOf));
    const rate = verifiedImplementationRate(facts, ctx(asOf));
    expect(rate).toMatchObject({ value: 0.25, numerator: 1, denominator: 4 });
    expect(ids(rate.counted)).toEqual(['A']);
    expect(facts[1].verifiedImplementedOn).toBe('2022-01-02');
    expect(facts[3].verifiedPartiallyImplementedOn).toBe('2020-06-01');
  });

  it('needs every active assignment confirmed; a confirmation before the claim is no confirmation of it', () => {
    const two = accepted('A')
      .handOff('C2', '2020-01-10', '2020-06-30')
      .accept('C2', '2020-01-20')
      .report('C1', 'implemented', '2020-05-01')
      .report('C2', 'implemented', '2020-06-01')
      .verify('C1', 'confirmed', '2020-06-10');
    expect(two.factsAt(asOf).verifiedImplementedOn).toBeUndefined();
    expect(two.verify('C2', 'confirmed', '2020-07-01').factsAt(asOf).verifiedImplementedOn).toBe('2020-07-01');
    // Confirmed 2020-05-01, then a new claim 2020-06-01 (the committee corrected its own report): unconfirmed.
    const newer = accepted('B').report('C1', 'implemented', '2020-04-01').verify('C1', 'confirmed', '2020-05-01').report('C1', 'implemented', '2020-06-01');
    expect(newer.factsAt(asOf).verifiedImplementedOn).toBeUndefined();
  });
});

describe('unverifiedClaimRate (V = 60 days)', () => {
  it('counts claims at least 60 days old without a confirmation by asOf', () => {
    const asOf = '2020-07-01';
    // A: claim 2020-05-02 = 60 days before asOf (in the base), unconfirmed → counted.
    // B: claim 2020-05-03 = 59 days: not yet in the base.
    // C: claim 2020-04-01 confirmed 2020-07-01 (on asOf): in the base, verified.
    // D: claim 2020-04-01 confirmed 2020-07-02: after asOf, so unverified at asOf.
    // E: claim 2020-04-01 returned 2020-04-15: no claim any more.
    // F: partially implemented 2020-04-01, unconfirmed → counted.
    const facts = [
      accepted('A').report('C1', 'implemented', '2020-05-02'),
      accepted('B').report('C1', 'implemented', '2020-05-03'),
      accepted('C').report('C1', 'implemented', '2020-04-01').verify('C1', 'confirmed', '2020-07-01'),
      accepted('D').report('C1', 'implemented', '2020-04-01').verify('C1', 'confirmed', '2020-07-02'),
      accepted('E').report('C1', 'implemented', '2020-04-01').verify('C1', 'returned', '2020-04-15'),
      accepted('F').report('C1', 'partially_implemented', '2020-04-01'),
    ].map((r) => r.factsAt(asOf));
    const rate = unverifiedClaimRate(facts, ctx(asOf));
    expect(rate).toMatchObject({ numerator: 3, denominator: 4, value: 0.75 });
    expect(ids(rate.counted)).toEqual(['A', 'D', 'F']);
    expect(ids(rate.notCounted)).toEqual(['C']);
  });

  it('leaves out withdrawn recommendations and declined assignments; V is a parameter', () => {
    const asOf = '2020-07-01';
    const facts = [
      accepted('A').report('C1', 'implemented', '2020-06-01'),
      accepted('B').report('C1', 'implemented', '2020-04-01').withdraw('2020-06-01'),
    ].map((r) => r.factsAt(asOf));
    expect(unverifiedClaimRate(facts, ctx(asOf))).toMatchObject({ denominator: 0, value: null });
    expect(unverifiedClaimRate(facts, ctx(asOf, { verificationDays: 30 }))).toMatchObject({ numerator: 1, denominator: 1, value: 1 });
  });
});

describe('dueDateRevisionRate', () => {
  it('share of accepted assignments with a revision dated on or before asOf', () => {
    // A revised 2020-06-15, B revised 2020-07-15 (after asOf), C never, D pending and revised (not accepted: not in the base).
    const asOf = '2020-07-01';
    const facts = [
      accepted('A').revise('C1', '2020-09-30', '2020-06-15'),
      accepted('B').revise('C1', '2020-09-30', '2020-07-15'),
      accepted('C'),
      recommendation('D', '2020-01-01').handOff('C1', '2020-01-10', '2020-06-30').revise('C1', '2020-09-30', '2020-06-15'),
    ].map((r) => r.factsAt(asOf));
    const rate = dueDateRevisionRate(facts, ctx(asOf));
    expect(rate).toMatchObject({ numerator: 1, denominator: 3 });
    expect(ids(rate.counted)).toEqual(['A']);
  });
});

describe('figures and funnel carry the new figures', () => {
  it('figures() names them; the funnel counts "verified" between implemented and impact measured', () => {
    const asOf = '2020-12-31';
    const facts = [
      accepted('A').report('C1', 'implemented', '2020-05-01').verify('C1', 'confirmed', '2020-05-01'),
      accepted('B').report('C1', 'partially_implemented', '2020-05-01').verify('C1', 'confirmed', '2020-05-10'),
      accepted('C').report('C1', 'implemented', '2020-05-01'),
      accepted('D').report('C1', 'implemented', '2020-05-01').verify('C1', 'returned', '2020-05-10').revise('C1', '2020-09-30', '2020-06-01'),
    ].map((r) => r.factsAt(asOf));
    const all = figures(facts, { asOf });
    expect(all.verifiedImplementationRate).toMatchObject({ numerator: 1, denominator: 4 });
    expect(all.unverifiedClaimRate).toMatchObject({ numerator: 1, denominator: 3 });
    expect(all.dueDateRevisionRate).toMatchObject({ numerator: 1, denominator: 4 });
    // D: returned, due 2020-09-30, overdue at 2020-12-31: compliance 3 of 4.
    expect(all.reportingCompliance).toMatchObject({ numerator: 3, denominator: 4 });
    const stages = Object.fromEntries(funnel(facts, ctx(asOf)).map((s) => [s.stage, s.count]));
    expect(stages).toMatchObject({ reported: 4, implemented: 3, verified: 2 });
  });
});
