import { recommendation } from '@app/testing/mothers/recommendation-history';
import { handoffRate, medianDaysToHandOff, reportingCompliance, responseRate } from './follow-through';
import { withDefaults, type FigureParams } from './params';
import type { FigureContext } from './scope';

const ctx = (asOf: string, params: Partial<FigureParams> = {}): FigureContext => ({ asOf, params: withDefaults(params) });
const ids = (items: { recommendationId: string }[]) => items.map((i) => i.recommendationId);

describe('handoffRate (D = 90)', () => {
  // 2019-01-01 + 90 days = 2019-04-01 (31 + 28 + 31 = 90).
  const adoptedOn = '2019-01-01';

  it('counts a first hand-off on day 90, not one on day 91', () => {
    const onDay90 = recommendation('A', adoptedOn).handOff('C1', '2019-04-01').factsAt('2019-12-31');
    const onDay91 = recommendation('B', adoptedOn).handOff('C1', '2019-04-02').factsAt('2019-12-31');
    const rate = handoffRate([onDay90, onDay91], ctx('2019-12-31'));
    expect(rate).toMatchObject({ value: 0.5, numerator: 1, denominator: 2 });
    expect(ids(rate.counted)).toEqual(['A']);
  });

  it('takes the first hand-off, even one later declined', () => {
    const f = recommendation('A', adoptedOn).handOff('C1', '2019-02-01').decline('C1', '2019-02-05').handOff('C2', '2019-06-01').factsAt('2019-12-31');
    expect(handoffRate([f], ctx('2019-12-31')).value).toBe(1);
  });

  it('leaves out one adopted fewer than 90 days ago without a hand-off; on day 90 it is late', () => {
    const r = recommendation('A', adoptedOn);
    expect(handoffRate([r.factsAt('2019-03-31')], ctx('2019-03-31'))).toMatchObject({ value: null, numerator: 0, denominator: 0 });
    expect(handoffRate([r.factsAt('2019-04-01')], ctx('2019-04-01'))).toMatchObject({ value: 0, numerator: 0, denominator: 1 });
  });

  it('keeps a young recommendation that already has its hand-off', () => {
    const f = recommendation('A', '2019-03-01').handOff('C1', '2019-03-10').factsAt('2019-03-31');
    expect(handoffRate([f], ctx('2019-03-31'))).toMatchObject({ value: 1, denominator: 1 });
  });

  it('leaves out withdrawn and superseded recommendations', () => {
    const kept = recommendation('A', adoptedOn).handOff('C1', '2019-02-01').factsAt('2019-12-31');
    const withdrawn = recommendation('B', adoptedOn).withdraw('2019-02-01').factsAt('2019-12-31');
    const superseded = recommendation('C', adoptedOn).supersede('A', '2019-02-01').factsAt('2019-12-31');
    expect(handoffRate([kept, withdrawn, superseded], ctx('2019-12-31'))).toMatchObject({ value: 1, denominator: 1 });
  });

  it('takes D as a parameter', () => {
    const f = recommendation('A', adoptedOn).handOff('C1', '2019-02-01').factsAt('2019-12-31'); // day 31
    expect(handoffRate([f], ctx('2019-12-31', { handoffDays: 30 })).value).toBe(0);
    expect(handoffRate([f], ctx('2019-12-31', { handoffDays: 31 })).value).toBe(1);
  });

  it('is null, not 0 or NaN, on an empty base', () => {
    expect(handoffRate([], ctx('2019-12-31'))).toMatchObject({ value: null, numerator: 0, denominator: 0 });
  });

  it('sees a back-dated hand-off only once it is recorded (knownAt)', () => {
    const r = recommendation('A', adoptedOn).handOff('C1', '2019-02-01', '2019-06-30', { recordedAt: '2019-08-01T08:00:00Z' });
    expect(handoffRate([r.factsAt('2019-07-01', '2019-07-31T00:00:00Z')], ctx('2019-07-01')).value).toBe(0);
    expect(handoffRate([r.factsAt('2019-07-01', '2019-08-01T08:00:00Z')], ctx('2019-07-01')).value).toBe(1);
  });

  it('follows a corrected decision date from the moment the correction is recorded', () => {
    const r = recommendation('A', adoptedOn).handOff('C1', '2019-04-05'); // day 94: late
    r.correct(r.lastEventId, 'RecommendationHandedOff', { decidedOn: '2019-03-20' }, '2019-09-01', { recordedAt: '2019-09-01T10:00:00Z' });
    expect(handoffRate([r.factsAt('2019-12-31', '2019-08-31T00:00:00Z')], ctx('2019-12-31')).value).toBe(0);
    expect(handoffRate([r.factsAt('2019-12-31', '2019-09-02T00:00:00Z')], ctx('2019-12-31')).value).toBe(1);
  });
});

describe('medianDaysToHandOff', () => {
  it('is the mean of the two middle values for an even count, over those handed off only', () => {
    const facts = [
      recommendation('A', '2019-01-01').handOff('C1', '2019-01-11').factsAt('2019-12-31'), // 10
      recommendation('B', '2019-01-01').handOff('C1', '2019-01-22').factsAt('2019-12-31'), // 21
      recommendation('C', '2019-01-01').factsAt('2019-12-31'),
    ];
    expect(medianDaysToHandOff(facts, ctx('2019-12-31'))).toMatchObject({ value: 15.5, count: 2 });
  });
  it('is null with no hand-off', () => {
    expect(medianDaysToHandOff([recommendation('A', '2019-01-01').factsAt('2019-12-31')], ctx('2019-12-31')).value).toBeNull();
  });
});

describe('responseRate (D = 60)', () => {
  // 2019-03-01 + 60 days = 2019-04-30 (31 + 29).
  const handedOff = (id: string) => recommendation(id, '2019-02-01').handOff('C1', '2019-03-01');

  it('counts an answer on day 60, not on day 61; a decline is an answer', () => {
    const facts = [
      handedOff('A').accept('C1', '2019-04-30').factsAt('2019-12-31'),
      handedOff('B').accept('C1', '2019-05-01').factsAt('2019-12-31'),
      handedOff('C').decline('C1', '2019-03-02').factsAt('2019-12-31'),
    ];
    const rate = responseRate(facts, ctx('2019-12-31'));
    expect(rate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(ids(rate.notCounted)).toEqual(['B']);
  });

  it('leaves out a hand-off pending fewer than 60 days; pending on day 60 counts as not answered', () => {
    const r = handedOff('A');
    expect(responseRate([r.factsAt('2019-04-29')], ctx('2019-04-29'))).toMatchObject({ value: null, denominator: 0 });
    expect(responseRate([r.factsAt('2019-04-30')], ctx('2019-04-30'))).toMatchObject({ value: 0, denominator: 1 });
  });

  it('leaves out a hand-off withdrawn while pending, but counts one withdrawn after its answer', () => {
    const facts = [
      handedOff('A').withdrawHandOff('C1', '2019-06-01').factsAt('2019-12-31'),
      handedOff('B').accept('C1', '2019-03-05').withdrawHandOff('C1', '2019-06-01').factsAt('2019-12-31'),
    ];
    expect(responseRate(facts, ctx('2019-12-31'))).toMatchObject({ value: 1, numerator: 1, denominator: 1 });
  });

  it("leaves out a withdrawn recommendation's hand-offs", () => {
    const facts = [handedOff('A').withdraw('2019-03-05').factsAt('2019-12-31'), handedOff('B').accept('C1', '2019-03-05').factsAt('2019-12-31')];
    expect(responseRate(facts, ctx('2019-12-31'))).toMatchObject({ value: 1, denominator: 1 });
  });
});

describe('reportingCompliance', () => {
  const accepted = (id: string, reportDueOn: string) => recommendation(id, '2019-01-01').handOff('C1', '2019-02-01', reportDueOn).accept('C1', '2019-02-02');

  it('counts accepted assignments only, lists the overdue ones with their due date', () => {
    const asOf = '2019-07-01';
    const facts = [
      accepted('A', '2019-06-30').factsAt(asOf), // due yesterday, nothing reported: overdue
      accepted('B', '2019-07-01').factsAt(asOf), // due today: not yet overdue
      accepted('C', '2019-03-01').report('C1', 'in_progress', '2019-03-01', '2019-09-01').factsAt(asOf), // next due later
      recommendation('D', '2019-01-01').handOff('C1', '2019-02-01', '2019-03-01').factsAt(asOf), // pending: not in base
    ];
    const rate = reportingCompliance(facts, ctx(asOf));
    expect(rate).toMatchObject({ numerator: 2, denominator: 3 });
    expect(rate.notCounted).toEqual([{ recommendationId: 'A', reference: 'A', committeeId: 'C1', decidedOn: '2019-02-01', dueOn: '2019-06-30' }]);
  });

  it("leaves out a withdrawn recommendation's overdue assignment and a withdrawn assignment", () => {
    const asOf = '2019-07-01';
    const facts = [
      accepted('A', '2019-03-01').withdraw('2019-04-01').factsAt(asOf),
      accepted('B', '2019-03-01').withdrawHandOff('C1', '2019-04-01').factsAt(asOf),
    ];
    expect(reportingCompliance(facts, ctx(asOf))).toMatchObject({ value: null, denominator: 0 });
  });
});
