import ical from 'ical-generator';
import { addDays, addMonths, DEFAULT_REMINDER_PARAMS, dueOf, implementationDateOf, latestReviewFrom, type CalendarDate, type RecommendationFacts, type ReminderParams } from '@app/figures';
import { recommendationLink } from '../mail/texts';

export interface CalendarEntry {
  uid: string;
  day: CalendarDate;
  summary: string;
  description: string;
  url: string;
}

/**
 * A committee's dates, read from the facts like the reminders: answers and reports due on its
 * assignments, and sustainability reviews due for recommendations it implemented (not yet
 * reviewed). Nothing of a retired recommendation (domain rule 1). Pure.
 */
export function committeeCalendar(committeeId: string, facts: readonly RecommendationFacts[], publicUrl: string, params: ReminderParams = DEFAULT_REMINDER_PARAMS): CalendarEntry[] {
  const host = new URL(publicUrl).hostname;
  return facts.flatMap((f) => {
    const mine = f.handOffs.filter((a) => a.committeeId === committeeId);
    if (mine.length === 0) return [];
    const url = recommendationLink(publicUrl, f.recommendationId);
    const entries: CalendarEntry[] = mine.flatMap((a) => {
      const due = dueOf(f, a, params);
      if (!due) return [];
      const what = due.due === 'answer' ? 'Antwort fällig' : 'Bericht fällig';
      return [{
        uid: `${f.recommendationId}-${committeeId}-${due.due}@${host}`, day: due.dueOn, summary: `${what}: ${f.reference} ${f.title}`, url,
        description: due.due === 'answer' ? 'Annehmen oder ablehnen des Auftrags des Lenkungskreises.' : 'Sachstandsbericht zur Umsetzung.',
      }];
    });
    const implementedOn = implementationDateOf(f);
    const implementedHere = mine.some((a) => a.lastReport?.status === 'implemented' || a.lastReport?.status === 'partially_implemented');
    if (implementedOn && implementedHere && f.withdrawnOn === undefined && f.supersededOn === undefined) {
      const reviewDueOn = addMonths(implementedOn, params.reviewMonths);
      if (!latestReviewFrom(f, reviewDueOn)) {
        entries.push({ uid: `${f.recommendationId}-review@${host}`, day: reviewDueOn, summary: `Nachhaltigkeitsprüfung fällig: ${f.reference} ${f.title}`, url, description: 'Ist die Umsetzung noch wirksam und verankert? Die Prüfung erfasst der Lenkungskreis.' });
      }
    }
    return entries;
  });
}

const noonUtc = (day: CalendarDate) => new Date(`${day}T12:00:00Z`);

/** iCalendar text (RFC 5545) with all-day events, as Outlook and Thunderbird subscribe to it. */
export function icsOf(name: string, entries: readonly CalendarEntry[]): string {
  const calendar = ical({ name, prodId: { company: 'Empfehlungsradar', product: 'Fristen', language: 'DE' }, ttl: 60 * 60 });
  for (const e of entries) {
    calendar.createEvent({ id: e.uid, start: noonUtc(e.day), end: noonUtc(addDays(e.day, 1)), allDay: true, summary: e.summary, description: `${e.description}\n${e.url}`, url: e.url });
  }
  return calendar.toString();
}
