import { calendarDateOf, isCalendarDate, type CalendarDate } from './calendar-date';
import { domainError, SHARED_ERRORS, type DomainError, type SharedErrorCode } from './domain-error';
import type { CommandMeta } from './metadata';

/** "Today" for rule 7: the Berlin calendar day of the command's instant. */
export const todayOf = (meta: CommandMeta): CalendarDate => calendarDateOf(meta.now);

/** Rule 7's first half for one business date: a real day, and not after today. */
export function checkBusinessDate(field: string, value: CalendarDate, today: CalendarDate): DomainError<SharedErrorCode> | undefined {
  if (!isCalendarDate(value)) return domainError('date.invalid', SHARED_ERRORS['date.invalid'], { field, value });
  if (value > today) return domainError('date.in-future', SHARED_ERRORS['date.in-future'], { field, value, today });
  return undefined;
}

/** A date that may lie in the future (a planned day, a due date) must still be a real day. */
export function checkCalendarDate(field: string, value: CalendarDate): DomainError<SharedErrorCode> | undefined {
  return isCalendarDate(value) ? undefined : domainError('date.invalid', SHARED_ERRORS['date.invalid'], { field, value });
}

/** The first problem of a list of checks, so decide reads as a list of rules. */
export function firstProblem<E>(...checks: Array<() => E | undefined>): E | undefined {
  for (const check of checks) {
    const problem = check();
    if (problem !== undefined) return problem;
  }
  return undefined;
}
