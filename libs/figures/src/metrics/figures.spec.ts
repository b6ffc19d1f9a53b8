import { recommendation } from '@app/testing/mothers/recommendation-history';
import type { ConferenceEvent } from '@app/domain';
import { conferenceFactsOf } from './conferences';
import { cohortOf, figures, figuresByGroup } from './figures';

const asOf = '2021-06-30';

describe('figures', () => {
  it('answers null for every figure of an empty cohort', () => {
    const all = figures([], { asOf });
    for (const [name, figure] of Object.entries(all)) {
      expect([name, figure.value]).toEqual([name, null]);
    }
  });

  it('refuses facts holding an event dated after asOf, and takes facts built at any later day otherwise', () => {
    const r = recommendation('A', '2019-01-01').handOff('C1', '2019-06-01');
    expect(() => figures([r.factsAt('2019-06-01')], { asOf: '2019-05-31' })).toThrow(/figures.facts-ahead/);
    // Built over the whole known history, as a read model stores them: valid for any asOf from the last event on.
    const stored = r.factsAt('9999-12-31');
    expect(figures([stored], { asOf: '2019-06-01' }).handoffRate.value).toBe(0); // day 151
    expect(figures([stored], { asOf: '2019-06-01' })).toEqual(figures([r.factsAt('2019-06-01')], { asOf: '2019-06-01' }));
  });

  it('passes parameter overrides on to the figures', () => {
    const f = recommendation('A', '2019-01-01').handOff('C1', '2019-02-01').factsAt(asOf); // day 31
    expect(figures([f], { asOf }).handoffRate.value).toBe(1);
    expect(figures([f], { asOf, params: { handoffDays: 30 } }).handoffRate.value).toBe(0);
  });
});

describe('cohorts', () => {
  const facts = [
    recommendation('A', '2018-11-20', { conferenceId: 'bk-8' }).factsAt(asOf),
    recommendation('B', '2018-12-01', { conferenceId: 'bk-8' }).factsAt(asOf),
    recommendation('C', '2019-11-20', { conferenceId: 'bk-9' }).factsAt(asOf),
  ];
  it('are the recommendations of one conference, or of one calendar year of adoption', () => {
    expect(cohortOf(facts, { conferenceId: 'bk-8' }).map((f) => f.recommendationId)).toEqual(['A', 'B']);
    expect(cohortOf(facts, { year: 2019 }).map((f) => f.recommendationId)).toEqual(['C']);
  });
});

describe('grouping', () => {
  it('by committee: hand-off figures take its hand-offs, recommendation figures the recommendations it took on', () => {
    // A: declined by C1, then accepted and implemented by C2. B: accepted by C1, report overdue.
    const a = recommendation('A', '2019-01-01')
      .handOff('C1', '2019-01-10')
      .decline('C1', '2019-01-20')
      .handOff('C2', '2019-02-01')
      .accept('C2', '2019-02-10')
      .report('C2', 'implemented', '2019-09-01')
      .factsAt(asOf);
    const b = recommendation('B', '2019-01-01')
      .handOff('C1', '2019-01-10', '2019-06-30')
      .accept('C1', '2019-04-01') // 81 days: late
      .report('C1', 'in_progress', '2019-06-30', '2019-12-31')
      .factsAt(asOf);
    const groups = Object.fromEntries(figuresByGroup([a, b], { asOf, by: 'committee' }).map((g) => [g.key, g.figures]));
    expect(Object.keys(groups)).toEqual(['C1', 'C2']);

    // C1 answered A in 10 days, B in 81: 1 of 2.
    expect(groups.C1.responseRate).toMatchObject({ numerator: 1, denominator: 2 });
    // C1's only accepted assignment is B's, overdue since 2019-12-31.
    expect(groups.C1.reportingCompliance).toMatchObject({ value: 0, denominator: 1 });
    // C1 took on only B (it declined A), which is not implemented.
    expect(groups.C1.implementationRate).toMatchObject({ value: 0, denominator: 1 });

    expect(groups.C2.responseRate).toMatchObject({ value: 1, denominator: 1 });
    expect(groups.C2.reportingCompliance).toMatchObject({ value: 1, denominator: 1 });
    expect(groups.C2.implementationRate).toMatchObject({ value: 1, denominator: 1 });
    // Recommendation-level figures stay recommendation-wide: A's first hand-off (to C1) came on day 9.
    expect(groups.C2.medianDaysToHandOff.value).toBe(9);
  });

  it('by field of action: a recommendation in two fields counts in both', () => {
    const facts = [
      recommendation('A', '2019-01-01', { fieldsOfAction: ['Inklusion', 'Neuzugewanderte'] }).factsAt(asOf),
      recommendation('B', '2019-01-01', { fieldsOfAction: ['Inklusion'] }).handOff('C1', '2019-01-05').factsAt(asOf),
    ];
    const groups = figuresByGroup(facts, { asOf, by: 'fieldOfAction' });
    expect(groups.map((g) => [g.key, g.figures.handoffRate.numerator, g.figures.handoffRate.denominator])).toEqual([
      ['Inklusion', 1, 2],
      ['Neuzugewanderte', 0, 1],
    ]);
  });

  it('by region, conference and year', () => {
    const facts = [
      recommendation('A', '2018-11-20', { regionId: 'duesseldorf', conferenceId: 'bk-8' }).factsAt(asOf),
      recommendation('B', '2019-11-20', { regionId: 'duesseldorf', conferenceId: 'bk-9' }).factsAt(asOf),
      recommendation('C', '2019-03-01', { regionId: 'krefeld', conferenceId: 'kr-3' }).factsAt(asOf),
    ];
    const keys = (by: 'region' | 'conference' | 'year') =>
      figuresByGroup(facts, { asOf, by }).map((g) => [g.key, g.figures.handoffRate.denominator]);
    expect(keys('region')).toEqual([
      ['duesseldorf', 2],
      ['krefeld', 1],
    ]);
    expect(keys('conference')).toEqual([
      ['bk-8', 1],
      ['bk-9', 1],
      ['kr-3', 1],
    ]);
    expect(keys('year')).toEqual([
      ['2018', 1],
      ['2019', 2],
    ]);
  });
});

describe('conferenceFactsOf', () => {
  it('dates a conference by heldOn once held, else by its latest planned date', () => {
    const scheduled = (conferenceId: string, number: number, date: string): ConferenceEvent => ({
      type: 'ConferenceScheduled',
      data: { conferenceId, regionId: 'r', number, kind: 'bildungskonferenz', title: 't', date, topics: [], effectiveOn: '2018-01-01' },
    });
    const events: ConferenceEvent[] = [
      scheduled('bk-8', 8, '2018-11-15'),
      { type: 'ConferenceRescheduled', data: { conferenceId: 'bk-8', regionId: 'r', date: '2018-11-22', reason: 'Raum', effectiveOn: '2018-09-01' } },
      { type: 'ConferenceHeld', data: { conferenceId: 'bk-8', regionId: 'r', heldOn: '2018-11-20' } },
      scheduled('bk-9', 9, '2019-11-14'),
      { type: 'ConferenceRescheduled', data: { conferenceId: 'bk-9', regionId: 'r', date: '2019-11-21', reason: 'Raum', effectiveOn: '2019-09-01' } },
    ];
    expect(conferenceFactsOf(events)).toEqual([
      { conferenceId: 'bk-8', number: 8, date: '2018-11-20' },
      { conferenceId: 'bk-9', number: 9, date: '2019-11-21' },
    ]);
  });
});
