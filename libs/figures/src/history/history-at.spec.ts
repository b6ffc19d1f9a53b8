import { historyAt, type HistoryEvent } from './history-at';
import { recommendation } from '@app/testing/mothers/recommendation-history';

const types = (events: { type: string }[]) => events.map((e) => e.type);

describe('historyAt', () => {
  describe('business time (asOf)', () => {
    const r = recommendation('R', '2019-01-10').handOff('C1', '2019-02-01').accept('C1', '2019-02-02');

    it('keeps events dated on asOf and hides those dated after', () => {
      expect(types(historyAt(r.events, { asOf: '2019-02-01' }))).toEqual(['RecommendationAdopted', 'RecommendationHandedOff']);
      expect(types(historyAt(r.events, { asOf: '2019-01-31' }))).toEqual(['RecommendationAdopted']);
    });

    it('hides the adoption itself before its date', () => {
      expect(historyAt(r.events, { asOf: '2019-01-09' })).toEqual([]);
    });
  });

  describe('record time (knownAt)', () => {
    // Reported on 1 May, but entered only on 1 August: back-dated.
    const r = recommendation('R', '2019-01-10')
      .handOff('C1', '2019-02-01')
      .accept('C1', '2019-02-02')
      .report('C1', 'in_progress', '2019-05-01', undefined, { recordedAt: '2019-08-01T09:00:00Z' });

    it('hides a back-dated event recorded after knownAt, though its date is before asOf', () => {
      const before = historyAt(r.events, { asOf: '2019-06-30', knownAt: new Date('2019-07-31T23:59:59Z') });
      expect(types(before)).not.toContain('ImplementationStatusReported');
    });

    it('shows it from the instant it was recorded', () => {
      const after = historyAt(r.events, { asOf: '2019-06-30', knownAt: new Date('2019-08-01T09:00:00Z') });
      expect(types(after)).toContain('ImplementationStatusReported');
    });

    it('without knownAt knows everything given', () => {
      expect(types(historyAt(r.events, { asOf: '2019-06-30' }))).toContain('ImplementationStatusReported');
    });
  });

  describe('corrections (EntryCorrected)', () => {
    const base = () => recommendation('R', '2019-01-10').handOff('C1', '2019-02-01').accept('C1', '2019-02-02');

    it('applies from the moment the correction is recorded, whatever its own effectiveOn', () => {
      const r = base().report('C1', 'in_progress', '2019-05-01');
      const reportId = r.lastEventId;
      r.correct(reportId, 'ImplementationStatusReported', { status: 'implemented' }, '2019-09-01', { recordedAt: '2019-09-01T10:00:00Z' });
      const statusAt = (knownAt: string) =>
        historyAt(r.events, { asOf: '2019-06-01', knownAt: new Date(knownAt) }).find((e) => e.eventId === reportId)!.data;

      expect(statusAt('2019-09-01T09:59:59Z')).toMatchObject({ status: 'in_progress' });
      // asOf (1 June) lies before the correction's effectiveOn (1 Sep): the report still reads corrected.
      expect(statusAt('2019-09-01T10:00:00Z')).toMatchObject({ status: 'implemented' });
    });

    it('shows the original and the correcting event beside the corrected data', () => {
      const r = base().report('C1', 'in_progress', '2019-05-01');
      const reportId = r.lastEventId;
      r.correct(reportId, 'ImplementationStatusReported', { status: 'planned' }, '2019-06-01');
      const correctionId = r.lastEventId;
      const report = historyAt(r.events, { asOf: '2019-12-31' }).find((e) => e.eventId === reportId)!;
      expect(report.original).toMatchObject({ status: 'in_progress' });
      expect(report.correctedBy).toEqual([correctionId]);
      expect(report.data).toMatchObject({ status: 'planned', reportedOn: '2019-05-01' });
    });

    it('moves an event whose business date it corrects, in and out of asOf', () => {
      const r = recommendation('R', '2019-01-10').handOff('C1', '2019-01-20');
      const handOffId = r.lastEventId;
      r.correct(handOffId, 'RecommendationHandedOff', { decidedOn: '2019-03-10' }, '2019-04-01');
      expect(types(historyAt(r.events, { asOf: '2019-02-01' }))).toEqual(['RecommendationAdopted']);
      const moved = historyAt(r.events, { asOf: '2019-04-01' }).find((e) => e.eventId === handOffId)!;
      expect(moved.businessDate).toBe('2019-03-10');
      // Known before the correction, the hand-off stands on its original date.
      expect(types(historyAt(r.events, { asOf: '2019-02-01', knownAt: new Date('2019-03-31T00:00:00Z') }))).toContain(
        'RecommendationHandedOff',
      );
    });

    it('applies several corrections in record order: the later wins per field, other fields merge', () => {
      const r = recommendation('R', '2019-01-10').handOff('C1', '2019-01-20', '2019-06-30');
      const handOffId = r.lastEventId;
      r.correct(handOffId, 'RecommendationHandedOff', { reportDueOn: '2019-07-31', mandate: 'A' }, '2019-03-01', {
        recordedAt: '2019-03-02T12:00:00Z',
      });
      r.correct(handOffId, 'RecommendationHandedOff', { reportDueOn: '2019-08-31' }, '2019-03-01', { recordedAt: '2019-03-01T12:00:00Z' });
      const handOff = historyAt(r.events, { asOf: '2019-12-31' }).find((e) => e.eventId === handOffId)!;
      // Recorded later (2 March), the first correction wins on reportDueOn although it comes first in the list.
      expect(handOff.data).toMatchObject({ reportDueOn: '2019-07-31', mandate: 'A', decidedOn: '2019-01-20' });
    });

    it('does not follow a correction of a correction', () => {
      const r = recommendation('R', '2019-01-10').handOff('C1', '2019-01-20', '2019-06-30');
      const handOffId = r.lastEventId;
      r.correct(handOffId, 'RecommendationHandedOff', { reportDueOn: '2019-07-31' }, '2019-03-01');
      r.correct(r.lastEventId, 'RecommendationHandedOff', { reportDueOn: '2019-12-31' }, '2019-03-02');
      const handOff = historyAt(r.events, { asOf: '2019-12-31' }).find((e) => e.eventId === handOffId)!;
      expect(handOff.data).toMatchObject({ reportDueOn: '2019-07-31' });
    });

    it('keeps the correction itself in history, dated by its effectiveOn', () => {
      const r = recommendation('R', '2019-01-10');
      r.correct(r.lastEventId, 'RecommendationAdopted', { title: 'Neu' }, '2019-05-01');
      expect(types(historyAt(r.events, { asOf: '2019-04-30' }))).toEqual(['RecommendationAdopted']);
      expect(types(historyAt(r.events, { asOf: '2019-05-01' }))).toEqual(['RecommendationAdopted', 'EntryCorrected']);
    });
  });

  it('dates an event stored without effectiveOn by the Berlin day it was recorded', () => {
    const r = recommendation('R', '2019-01-10');
    const withdrawal = { ...r.events[0], eventId: 'w', type: 'RecommendationWithdrawn', data: { recommendationId: 'R', regionId: 'x', reason: 'r' } };
    // 22:30 UTC on 1 May is 00:30 on 2 May in Berlin (summer time).
    const events = [...r.events, { ...withdrawal, recordedAt: new Date('2019-05-01T22:30:00Z') } as unknown as HistoryEvent];
    expect(types(historyAt(events, { asOf: '2019-05-01' }))).toEqual(['RecommendationAdopted']);
    expect(historyAt(events, { asOf: '2019-05-02' }).at(-1)!.businessDate).toBe('2019-05-02');
  });
});
