import { addDays, daysBetween, type CalendarDate } from '../history/dates';
import { isActive, isOverdue, isRetired, type AssignmentFacts, type RecommendationFacts } from '../lifecycle/facts';
import { lifecycleOf } from '../lifecycle/lifecycle';
import { withDefaults, type FigureParams } from '../metrics/params';
import { reviewBase } from '../metrics/sustainability';

export interface ReminderParams extends FigureParams {
  /** Days before a due date the first reminder goes out (REMINDER_DAYS_BEFORE). */
  daysBefore: number;
}

export const DEFAULT_REMINDER_PARAMS: ReminderParams = { ...withDefaults(), daysBefore: 14 };

/** `answer`: a pending hand-off waits for acceptance or decline; `report`: an accepted assignment's report is due. */
export type DueKind = 'answer' | 'report';

export interface CommitteeReminder {
  kind: 'committee';
  /** Deterministic: the same reminder planned twice, by two processes or two days, has the same key. */
  key: string;
  regionId: string;
  committeeId: string;
  recommendationId: string;
  reference: string;
  title: string;
  due: DueKind;
  dueOn: CalendarDate;
  /** `upcoming` before the due date (once), `overdue` once a week after it. */
  phase: 'upcoming' | 'overdue';
  /** Overdue reminders: the week after the due date they belong to, 1 for the first. */
  week?: number;
}

export interface DigestItem {
  recommendationId: string;
  reference: string;
  title: string;
  /** Overdue: the committee and its due date; review: the date the review became due; stalled: the last event's date. */
  committeeId?: string;
  on: CalendarDate;
}

export interface SteeringDigest {
  kind: 'digest';
  key: string;
  regionId: string;
  /** The calendar month the digest is for, YYYY-MM. */
  month: string;
  overdue: DigestItem[];
  stalled: DigestItem[];
  notHandedOff: DigestItem[];
  dueForReview: DigestItem[];
}

export type Reminder = CommitteeReminder | SteeringDigest;

/**
 * The day an assignment's committee owes something, read from the facts (so revised due dates and
 * returned claims flow through from there): an answer `responseDays` after a pending hand-off's
 * decision (responseRate's D), a report on the assignment's current due date. None for a retired
 * recommendation (domain rule 1), a final report or a withdrawn or declined hand-off.
 */
export function dueOf(f: RecommendationFacts, a: AssignmentFacts, params: ReminderParams): { due: DueKind; dueOn: CalendarDate } | undefined {
  if (isRetired(f) || !isActive(a)) return undefined;
  if (a.state === 'pending') return { due: 'answer', dueOn: addDays(a.decidedOn, params.responseDays) };
  const status = a.lastReport?.status;
  if (a.currentDueOn === undefined || status === 'implemented' || status === 'not_implemented') return undefined;
  return { due: 'report', dueOn: a.currentDueOn };
}

/**
 * The reminder slot `today` falls in: `upcoming` from `daysBefore` days before the due date up to
 * the due date itself, then `overdue` week 1 from the day after, week 2 seven days later, and so
 * on. A slot, not a day: a pass that did not run on the first day of a slot still sends it later
 * in the slot, and the outbox key sends each slot once.
 */
export function slotOf(dueOn: CalendarDate, today: CalendarDate, daysBefore: number): { phase: 'upcoming' | 'overdue'; week?: number } | undefined {
  const late = daysBetween(dueOn, today);
  if (late < -daysBefore) return undefined;
  if (late <= 0) return { phase: 'upcoming' };
  return { phase: 'overdue', week: Math.floor((late - 1) / 7) + 1 };
}

/** Reminders to committees: one per assignment whose slot `today` falls in. Pure: the clock is `today`. */
export function committeeReminders(facts: readonly RecommendationFacts[], today: CalendarDate, params: ReminderParams = DEFAULT_REMINDER_PARAMS): CommitteeReminder[] {
  return facts.flatMap((f) =>
    f.handOffs.flatMap((a): CommitteeReminder[] => {
      const due = dueOf(f, a, params);
      if (!due) return [];
      const slot = slotOf(due.dueOn, today, params.daysBefore);
      if (!slot) return [];
      const key = ['committee', f.recommendationId, a.committeeId, due.due, due.dueOn, slot.phase === 'upcoming' ? 'upcoming' : `overdue-${slot.week}`].join(':');
      return [{
        kind: 'committee', key, regionId: f.regionId, committeeId: a.committeeId, recommendationId: f.recommendationId,
        reference: f.reference, title: f.title, ...due, ...slot,
      }];
    }),
  );
}

const itemOf = (f: RecommendationFacts, on: CalendarDate, committeeId?: string): DigestItem => ({
  recommendationId: f.recommendationId, reference: f.reference, title: f.title, on, ...(committeeId ? { committeeId } : {}),
});

const byReference = (a: DigestItem, b: DigestItem) => a.reference.localeCompare(b.reference, 'de', { numeric: true }) || (a.committeeId ?? '').localeCompare(b.committeeId ?? '');

/**
 * The Lenkungskreis's monthly digest of one region, for the month `today` lies in (one per month:
 * the key names the month). Overdue assignments, stalled recommendations, those adopted more than
 * `handoffDays` ago and never handed off (not yet due is not late, metrics.md), and those due for
 * a sustainability review and not reviewed. Retired recommendations appear in none (domain rule 1).
 * Sent on the month's first pass even when all four lists are empty: "nothing open" is news too,
 * and a digest that stays away cannot be told from one that was lost.
 */
export function steeringDigest(regionId: string, facts: readonly RecommendationFacts[], today: CalendarDate, params: ReminderParams = DEFAULT_REMINDER_PARAMS): SteeringDigest {
  const live = facts.filter((f) => f.regionId === regionId && !isRetired(f));
  const overdue = live.flatMap((f) => f.handOffs.filter((a) => isOverdue(a, today)).map((a) => itemOf(f, a.currentDueOn!, a.committeeId)));
  const stalled = live.filter((f) => lifecycleOf(f, today, params.stallDays).stalled).map((f) => itemOf(f, f.lastEventOn));
  const notHandedOff = live.filter((f) => f.handOffs.length === 0 && daysBetween(f.adoptedOn, today) > params.handoffDays).map((f) => itemOf(f, f.adoptedOn));
  const byId = new Map(live.map((f) => [f.recommendationId, f]));
  const dueForReview = reviewBase(live, { asOf: today, params })
    .filter((item) => item.review === undefined)
    .map((item) => itemOf(byId.get(item.recommendationId)!, item.reviewDueOn));
  const month = today.slice(0, 7);
  return {
    kind: 'digest', key: `digest:${regionId}:${month}`, regionId, month,
    overdue: overdue.sort(byReference), stalled: stalled.sort(byReference), notHandedOff: notHandedOff.sort(byReference), dueForReview: dueForReview.sort(byReference),
  };
}

/** Everything due to go out `today` for one region's facts. */
export function remindersFor(regionId: string, facts: readonly RecommendationFacts[], today: CalendarDate, params: ReminderParams = DEFAULT_REMINDER_PARAMS): Reminder[] {
  return [...committeeReminders(facts.filter((f) => f.regionId === regionId), today, params), steeringDigest(regionId, facts, today, params)];
}
