import { addDays, type CalendarDate } from '../history/dates';
import { recommendation } from '@app/testing/mothers/recommendation-history';
import { factsAt } from '../lifecycle/facts-at';
import { remindersFor, slotOf, steeringDigest } from './schedule';

/** One region's streams; every day's facts are rebuilt from the events, as the read model would hold them that day. */
const histories = () => [
  recommendation('R1', '2025-12-01', { reference: '9. BK / 1' }).handOff('C1', '2026-01-10', '2026-03-20').accept('C1', '2026-01-20'),
  // Pending: the answer is due 60 days after the decision (2026-03-16).
  recommendation('R2', '2025-12-01', { reference: '9. BK / 2' }).handOff('C2', '2026-01-15', '2026-06-30'),
  // Withdrawn on 10 March: reminded before, never after (domain rule 1).
  recommendation('R3', '2025-12-01', { reference: '9. BK / 3' }).handOff('C1', '2026-01-10', '2026-03-20').accept('C1', '2026-01-20').withdraw('2026-03-10'),
  // Reported implemented: nothing is due.
  recommendation('R4', '2025-12-01', { reference: '9. BK / 4' }).handOff('C3', '2026-01-05', '2026-03-15').accept('C3', '2026-01-06').report('C3', 'implemented', '2026-02-20'),
  // Due 10 March, late one day, then a report moves the due date to June.
  recommendation('R5', '2025-09-01', { reference: '8. BK / 5' })
    .handOff('C1', '2025-10-01', '2025-12-01').accept('C1', '2025-10-05')
    .report('C1', 'in_progress', '2026-02-01', '2026-03-10').report('C1', 'in_progress', '2026-03-12', '2026-06-30'),
  // Never handed off, adopted 120 days before 1 March.
  recommendation('R6', '2025-11-01', { reference: '9. BK / 6' }),
  // Implemented in June 2024: its sustainability review was due in June 2025.
  recommendation('R7', '2023-11-20', { reference: '7. BK / 7' }).handOff('C1', '2024-01-10', '2024-03-01').accept('C1', '2024-01-11').report('C1', 'implemented', '2024-06-01'),
  // In progress, silent since March 2025, no due date: stalled.
  recommendation('R8', '2024-11-20', { reference: '8. BK / 8' }).handOff('C3', '2025-02-01', '2025-03-01').accept('C3', '2025-02-05').report('C3', 'in_progress', '2025-03-01'),
];

const eventsOf = () => histories().flatMap((h) => h.events);

describe('reminder schedule', () => {
  it('slots: upcoming from 14 days before to the due day, then overdue weekly from the day after', () => {
    const due = '2026-03-20';
    expect(slotOf(due, '2026-03-05', 14)).toBeUndefined();
    expect(slotOf(due, '2026-03-06', 14)).toEqual({ phase: 'upcoming' });
    expect(slotOf(due, '2026-03-20', 14)).toEqual({ phase: 'upcoming' });
    expect(slotOf(due, '2026-03-21', 14)).toEqual({ phase: 'overdue', week: 1 });
    expect(slotOf(due, '2026-03-27', 14)).toEqual({ phase: 'overdue', week: 1 });
    expect(slotOf(due, '2026-03-28', 14)).toEqual({ phase: 'overdue', week: 2 });
  });

  it('across a month of simulated days sends each reminder once, on the day its slot opens', () => {
    const events = eventsOf();
    const sent = new Map<string, CalendarDate>();
    for (let day: CalendarDate = '2026-03-01'; day <= '2026-04-01'; day = addDays(day, 1)) {
      for (const r of remindersFor('region-1', factsAt(events, { asOf: day }), day)) if (!sent.has(r.key)) sent.set(r.key, day);
    }
    expect([...sent].map(([key, day]) => `${day} ${key}`).sort()).toEqual([
      '2026-03-01 committee:R5:C1:report:2026-03-10:upcoming',
      '2026-03-01 digest:region-1:2026-03',
      '2026-03-02 committee:R2:C2:answer:2026-03-16:upcoming',
      '2026-03-06 committee:R1:C1:report:2026-03-20:upcoming',
      '2026-03-06 committee:R3:C1:report:2026-03-20:upcoming',
      '2026-03-11 committee:R5:C1:report:2026-03-10:overdue-1',
      '2026-03-17 committee:R2:C2:answer:2026-03-16:overdue-1',
      '2026-03-21 committee:R1:C1:report:2026-03-20:overdue-1',
      '2026-03-24 committee:R2:C2:answer:2026-03-16:overdue-2',
      '2026-03-28 committee:R1:C1:report:2026-03-20:overdue-2',
      '2026-03-31 committee:R2:C2:answer:2026-03-16:overdue-3',
      '2026-04-01 digest:region-1:2026-04',
    ]);
  });

  it('catches up a slot on a later day when no pass ran on its first day', () => {
    const later = remindersFor('region-1', factsAt(eventsOf(), { asOf: '2026-03-25' }), '2026-03-25').map((r) => r.key);
    expect(later).toContain('committee:R1:C1:report:2026-03-20:overdue-1');
    expect(later).not.toContain('committee:R3:C1:report:2026-03-20:overdue-1');
  });

  it("the Lenkungskreis's digest lists overdue, stalled, never handed off and due for review; nothing retired", () => {
    const digest = steeringDigest('region-1', factsAt(eventsOf(), { asOf: '2026-03-11' }), '2026-03-11');
    expect(digest).toEqual({
      kind: 'digest',
      key: 'digest:region-1:2026-03',
      regionId: 'region-1',
      month: '2026-03',
      overdue: [{ recommendationId: 'R5', reference: '8. BK / 5', title: expect.any(String), committeeId: 'C1', on: '2026-03-10' }],
      stalled: [{ recommendationId: 'R8', reference: '8. BK / 8', title: expect.any(String), on: '2025-03-01' }],
      notHandedOff: [{ recommendationId: 'R6', reference: '9. BK / 6', title: expect.any(String), on: '2025-11-01' }],
      dueForReview: [{ recommendationId: 'R7', reference: '7. BK / 7', title: expect.any(String), on: '2025-06-01' }],
    });
  });
});
