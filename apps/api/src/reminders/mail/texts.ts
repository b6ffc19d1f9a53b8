import { daysBetween, type CommitteeReminder, type DigestItem, type SteeringDigest } from '@app/figures';

export interface Mail {
  subject: string;
  text: string;
  html: string;
}

export interface MailContext {
  publicUrl: string;
  today: string;
  /** Who answers questions: the region's Bildungsbüro ("Name <address>"), if it has an account. */
  office?: { name: string; email: string };
  committeeName: (committeeId: string) => string;
  regionName: string;
}

export const de = (day: string) => `${day.slice(8, 10)}.${day.slice(5, 7)}.${day.slice(0, 4)}`;
const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const monthName = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
export const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The recommendation page: its forms answer a hand-off and report the status. */
export const recommendationLink = (publicUrl: string, recommendationId: string) => `${publicUrl.replace(/\/$/, '')}/#/empfehlung/${encodeURIComponent(recommendationId)}`;

const askLine = (ctx: MailContext) =>
  ctx.office ? `Fragen beantwortet das Regionale Bildungsbüro: ${ctx.office.name}, ${ctx.office.email}.` : 'Fragen beantwortet das Regionale Bildungsbüro.';

/** Paragraphs of plain text; the HTML part says the same, with the link clickable. */
export function both(subject: string, paragraphs: (string | { link: string; label: string })[], footer: string): Mail {
  const text = [...paragraphs.map((p) => (typeof p === 'string' ? p : `${p.label}:\n${p.link}`)), '-- ', footer].join('\n\n');
  const html = [
    '<!doctype html><html lang="de"><meta charset="utf-8"><body style="font-family:sans-serif;line-height:1.5">',
    ...paragraphs.map((p) => (typeof p === 'string' ? `<p>${escape(p).replace(/\n/g, '<br>')}</p>` : `<p><a href="${escape(p.link)}">${escape(p.label)}</a></p>`)),
    `<hr><p style="color:#555;font-size:90%">${escape(footer)}</p></body></html>`,
  ].join('\n');
  return { subject, text, html };
}

/** A committee's reminder: what is due, by when, the link to the form, whom to ask. */
export function committeeReminderMail(r: CommitteeReminder, ctx: MailContext): Mail {
  const committee = ctx.committeeName(r.committeeId);
  const what = r.due === 'answer' ? 'Antwort auf den Auftrag' : 'Sachstandsbericht';
  const late = daysBetween(r.dueOn, ctx.today);
  const subject = r.phase === 'upcoming'
    ? `Erinnerung: ${what} zu „${r.reference}“ fällig am ${de(r.dueOn)}`
    : `Überfällig seit ${de(r.dueOn)}: ${what} zu „${r.reference}“`;
  const task = r.due === 'answer'
    ? `Der Lenkungskreis hat dem Gremium ${committee} die Empfehlung ${r.reference} „${r.title}“ übergeben. Bitte teilen Sie mit, ob das Gremium den Auftrag annimmt oder ablehnt.`
    : `Das Gremium ${committee} hat den Auftrag zur Empfehlung ${r.reference} „${r.title}“ übernommen. Bitte berichten Sie, wie weit die Umsetzung ist (Sachstandsbericht).`;
  const when = r.phase === 'upcoming'
    ? `Fällig am ${de(r.dueOn)}${late === 0 ? ' – also heute' : ` – in ${-late} ${-late === 1 ? 'Tag' : 'Tagen'}`}.`
    : `Die Frist ist am ${de(r.dueOn)} abgelaufen, vor ${late} ${late === 1 ? 'Tag' : 'Tagen'}. Bitte holen Sie das so bald wie möglich nach.`;
  const how = r.due === 'answer'
    ? 'Melden Sie sich an und öffnen Sie auf der Seite der Empfehlung „Übergabe annehmen“ oder „Übergabe ablehnen“.'
    : 'Melden Sie sich an und füllen Sie auf der Seite der Empfehlung das Formular „Sachstand melden“ aus. Ein kurzer Stand genügt; Belege können Sie verlinken.';
  return both(subject, [
    'Guten Tag,',
    task,
    when,
    { link: recommendationLink(ctx.publicUrl, r.recommendationId), label: 'Zur Empfehlung und zum Formular' },
    how,
    askLine(ctx),
  ], `Empfehlungsradar – ${ctx.regionName}. Sie erhalten diese Erinnerung als Kontakt des Gremiums ${committee}: ${ctx.today === r.dueOn || r.phase === 'upcoming' ? 'vor einer Frist' : 'wöchentlich, solange die Frist überschritten ist'}. Wer Erinnerungen bekommt, legt das Regionale Bildungsbüro fest.`);
}

const list = (title: string, items: DigestItem[], line: (i: DigestItem) => string) =>
  `${title} (${items.length}):\n${items.length === 0 ? '– keine' : items.map((i) => `• ${line(i)}`).join('\n')}`;

/** The Lenkungskreis's monthly overview. */
export function digestMail(d: SteeringDigest, ctx: MailContext): Mail {
  const base = ctx.publicUrl.replace(/\/$/, '');
  const subject = `Monatsübersicht ${monthName(d.month)}: ${d.overdue.length} überfällig, ${d.stalled.length} ohne Bewegung, ${d.notHandedOff.length} nicht übergeben, ${d.dueForReview.length} zur Nachhaltigkeitsprüfung`;
  const rec = (i: DigestItem) => `${i.reference} „${i.title}“`;
  return both(subject, [
    'Guten Tag,',
    `hier ist die Übersicht des Empfehlungsradars für ${ctx.regionName} zum ${de(ctx.today)}: was der Lenkungskreis nachhalten sollte.`,
    list('Überfällige Berichte und Antworten', d.overdue, (i) => `${rec(i)} – ${ctx.committeeName(i.committeeId!)}, fällig seit ${de(i.on)}`),
    list('Ohne Bewegung seit mehr als 180 Tagen', d.stalled, (i) => `${rec(i)} – letzter Eintrag am ${de(i.on)}`),
    list('Noch keinem Gremium übergeben', d.notHandedOff, (i) => `${rec(i)} – beschlossen am ${de(i.on)}`),
    list('Nachhaltigkeitsprüfung fällig', d.dueForReview, (i) => `${rec(i)} – fällig seit ${de(i.on)}`),
    { link: `${base}/#/nachhaltigkeit`, label: 'Zum Nachhaltigkeitsboard' },
    askLine(ctx),
  ], `Empfehlungsradar – ${ctx.regionName}. Diese Übersicht kommt einmal im Monat an die Konten des Lenkungskreises.`);
}
