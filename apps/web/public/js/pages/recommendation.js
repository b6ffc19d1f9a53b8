// Empfehlung: current state, assignments, indicators, reviews and the full timeline, at any "Stand am".
import { api, ApiError } from '../api.js';
import { date, instant, number } from '../format.js';
import { empty, h, show } from '../dom.js';
import { indicatorChart, indicatorTable } from '../chart.js';
import { ANCHORING, DIRECTION, HANDOFF_STATE, ROLE, STANDING, STATUS, label } from '../labels.js';
import { asOfLine, asOfPicker, errorBox, knownAtPicker, lifecycleBadge, overdueBadge, table } from '../ui.js';
import { recommendationActions } from './recommendation-actions.js';
import { followBox } from '../follow.js';

export async function renderRecommendation(main, ctx) {
  const { region, id, params, navigate, link } = ctx;
  const asOf = params.get('asOf') ?? '';
  const knownAt = params.get('knownAt') ?? '';
  const go = (changes) => navigate('empfehlung', { asOf, knownAt, ...changes }, id);
  let page;
  try {
    page = await api.get(`/regions/${region.regionId}/recommendations/${encodeURIComponent(id ?? '')}/page`, { asOf, knownAt });
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 404 && error.status !== 400)) throw error;
    if (ctx.stale()) return;
    document.title = 'Empfehlung nicht gefunden – Empfehlungsradar';
    show(main,
      h('h1', {}, 'Empfehlung'),
      asOfPicker(asOf, (value) => go({ asOf: value })),
      knownAtPicker(knownAt, (value) => go({ knownAt: value })),
      errorBox(error),
      h('p', {}, asOf ? 'Zu diesem Stand war die Empfehlung vielleicht noch nicht beschlossen. ' : '', h('a', { href: link('empfehlungen') }, 'Zur Liste der Empfehlungen')),
    );
    return;
  }
  if (ctx.stale()) return;
  const r = page.recommendation;
  const retired = Boolean(r.withdrawnOn || r.supersededOn);
  document.title = `${r.reference} – Empfehlungsradar`;
  const saved = sessionStorage.getItem('empfehlungsradar.meldung');
  sessionStorage.removeItem('empfehlungsradar.meldung');
  const committeeName = new Map(page.assignments.map((a) => [a.committeeId, a.committee]));
  const travelling = Boolean(asOf || knownAt);
  const [actions, reminders] = await Promise.all([
    travelling ? null : recommendationActions(ctx, page),
    api.get(`/regions/${region.regionId}/recommendations/${encodeURIComponent(id)}/reminders`).then((x) => x.reminders, () => null),
  ]);
  if (ctx.stale()) return;
  const reviewNotes = page.timeline.filter((e) => e.type === 'SustainabilityReviewed');

  show(main,
    h('p', { class: 'brotkrumen' }, h('a', { href: link('empfehlungen') }, 'Empfehlungen'), ' › ', r.reference),
    h('h1', {}, h('span', { class: 'kennung' }, r.reference), ' ', r.title),
    saved ? h('p', { class: 'erfolg', role: 'status' }, saved) : null,
    asOfPicker(asOf, (value) => go({ asOf: value }), { id: 'stand-am-empfehlung' }),
    knownAtPicker(knownAt, (value) => go({ knownAt: value })),
    asOfLine(page),
    h('section', { class: 'abschnitt', 'aria-labelledby': 'stand-titel' },
      h('h2', { id: 'stand-titel' }, standHeading(asOf, knownAt)),
      h('dl', { class: 'eckdaten' },
        entry('Stand', lifecycleBadge(r.lifecycle, r.stalled)),
        entry('Beschlossen', `${date(r.adoptedOn)} von der ${r.conference}`),
        entry('Handlungsfelder', r.fieldsOfAction.length ? r.fieldsOfAction.join(', ') : '–'),
        entry('Adressaten', [...r.addressees.committees.map((c) => c.name), ...r.addressees.decisionMakers].join(', ') || '–'),
        r.implementedOn ? entry('Umgesetzt am', date(r.implementedOn)) : null,
        r.partiallyImplementedOn ? entry('Teilweise umgesetzt am', date(r.partiallyImplementedOn)) : null,
        r.notImplementedOn ? entry('Nicht umgesetzt seit', date(r.notImplementedOn)) : null,
        r.withdrawnOn ? entry('Zurückgenommen am', date(r.withdrawnOn)) : null,
        r.supersededOn ? entry('Ersetzt am', [date(r.supersededOn), r.successorId ? [' durch ', h('a', { href: link('empfehlung', { asOf }, r.successorId) }, 'die Nachfolge-Empfehlung')] : '']) : null,
        entry('Letzter Schritt', date(r.lastEventOn)),
      ),
      h('h3', {}, 'Wortlaut'),
      h('blockquote', { class: 'wortlaut' }, r.text),
    ),
    h('section', { class: 'abschnitt', 'aria-labelledby': 'auftraege-titel' },
      h('h2', { id: 'auftraege-titel' }, 'Aufträge an Gremien'),
      table(null, ['Gremium', 'Übergabe beschlossen', 'Antwort', 'Berichte', 'Prüfung der Meldung', 'Berichtsfristen', 'Nächster Bericht fällig'],
        page.assignments.map((a) => [
          a.committee,
          date(a.decidedOn),
          `${label(HANDOFF_STATE, a.state)}${a.answeredOn ? ` am ${date(a.answeredOn)}` : ''}${a.withdrawnOn ? ` · zurückgezogen am ${date(a.withdrawnOn)}` : ''}`,
          a.reports.length === 0 ? 'noch keiner' : h('ul', { class: 'schlicht' }, a.reports.map((rep) =>
            h('li', {}, `${date(rep.reportedOn)}: ${label(STATUS, rep.status)}${rep.progressPercent !== undefined && rep.progressPercent !== null ? ` (${rep.progressPercent} %)` : ''}`))),
          claimText(a.claim),
          h('ul', { class: 'schlicht berichtsfristen' },
            h('li', {}, `${date(a.reportDueOn)} (Übergabe)`),
            (a.revisions ?? []).map((rv) => h('li', {}, `${date(rv.newDueOn)} (verlängert am ${date(rv.decidedOn)}: ${rv.reason})`))),
          // Rule 1: nothing of a withdrawn or superseded recommendation is due any more.
          retired ? 'entfällt' : a.overdue ? overdueBadge(a.currentDueOn) : a.currentDueOn ? date(a.currentDueOn) : '–',
        ]),
        { emptyText: 'Noch an kein Gremium übergeben.' }),
    ),
    indicatorsSection(page.indicators, committeeName),
    page.reviews.length || page.outcomeReports.length ? h('section', { class: 'abschnitt', 'aria-labelledby': 'pruefung-titel' },
      h('h2', { id: 'pruefung-titel' }, 'Nachhaltigkeit und Rückmeldung'),
      h('ul', {},
        page.reviews.map((rv, i) => h('li', {}, `Prüfung am ${date(rv.reviewedOn)}: ${label(STANDING, rv.outcome)}; Verankerung: ${rv.anchoring.map((a) => label(ANCHORING, a)).join(', ') || '–'}`,
          detailList(reviewNotes[i]?.details ?? []))),
        page.outcomeReports.map((o) => h('li', {}, `Ergebnis an die ${o.conference} berichtet am ${date(o.on)}`)),
      ),
    ) : null,
    actions,
    followBox(ctx, { targetType: 'recommendation', targetId: id, what: `der Empfehlung ${r.reference}` }),
    remindersSection(reminders, committeeName),
    h('section', { class: 'abschnitt', 'aria-labelledby': 'verlauf-titel' },
      h('h2', { id: 'verlauf-titel' }, 'Verlauf'),
      h('p', { class: 'hinweis' }, 'Jeder Schritt mit Datum, wer ihn erfasst hat und wann. Korrekturen stehen neben dem Eintrag, den sie berichtigen; der ursprüngliche Eintrag bleibt sichtbar.'),
      page.timeline.length === 0 ? empty('Keine Einträge.') : h('ol', { class: 'verlauf' }, page.timeline.map(timelineEntry)),
    ),
  );
}

const REMINDER_KIND = {
  'answer-upcoming': 'Antwort bald fällig', 'answer-overdue': 'Antwort überfällig',
  'report-upcoming': 'Bericht bald fällig', 'report-overdue': 'Bericht überfällig',
};

/** Mails the reminders sent about this recommendation: an operational record beside the timeline, not a step of it. */
export function remindersSection(reminders, committeeName) {
  if (!reminders) return null;
  return h('section', { class: 'abschnitt', 'aria-labelledby': 'erinnerungen-titel' },
    h('h2', { id: 'erinnerungen-titel' }, 'Erinnerungen per E-Mail'),
    h('p', { class: 'hinweis' }, 'Die Mails sind keine Schritte der Empfehlung und stehen deshalb nicht im Verlauf. „Versandt“ ist der Zeitpunkt, zu dem der Mailserver die Mail angenommen hat; im Prüfverlauf stehen sie neben den Ereignissen.'),
    table(null, ['Anlass', 'Gremium', 'Frist', 'An', 'Versandt'],
      reminders.map((m) => [
        REMINDER_KIND[m.kind] ?? m.kind,
        committeeName.get(m.committeeId) ?? '–',
        m.dueOn ? date(m.dueOn) : '–',
        m.recipients.join(', '),
        m.state === 'sent' ? instant(m.sentAt) : `noch nicht${m.attempts ? ` (${m.attempts} Versuche, SMTP-Server nicht erreichbar)` : ''}`,
      ]),
      { emptyText: 'Noch keine Erinnerung verschickt.', className: 'erinnerungen' }),
  );
}

const entry = (term, value) => h('div', {}, h('dt', {}, term), h('dd', {}, value));

function indicatorsSection(indicators, committeeName) {
  if (indicators.length === 0) return null;
  return h('section', { class: 'abschnitt', 'aria-labelledby': 'wirkung-titel' },
    h('h2', { id: 'wirkung-titel' }, 'Wirkung'),
    indicators.map((i) => h('figure', { class: 'indikator' },
      h('figcaption', {}, h('strong', {}, i.name), ` (${i.unit}; ${label(DIRECTION, i.direction)}; ${committeeName.get(i.committeeId) ?? 'Gremium'})`),
      indicatorChart(i),
      indicatorTable(i),
      h('p', { class: 'klein' }, `Ausgangswert ${number(i.baseline.value)} (${date(i.baseline.on)}) · Ziel ${number(i.target.value)} bis ${date(i.target.dueOn)} · ${i.measurements.length} Messungen`),
    )),
  );
}

/** "Stand am 31.12.2021" when travelling in time, so no heading claims to be today's. */
function standHeading(asOf, knownAt) {
  if (asOf) return `Stand am ${date(asOf)}${knownAt ? `, erfasst bis ${instant(knownAt)}` : ''}`;
  return knownAt ? `Stand nach Erfassung bis ${instant(knownAt)}` : 'Aktueller Stand';
}

/** "Frau Beispiel (Lenkungskreis)": the account's name and role; the role alone where no name is known. */
function who(actor) {
  const role = actor.role ? label(ROLE, actor.role) : 'unbekannt';
  return actor.name ? `${actor.name} (${role})` : role;
}

/** What people wrote: summaries, evidence (linked when it is a web address), notes, sources. */
function detailList(details) {
  if (!details.length) return null;
  return h('dl', { class: 'verlauf-details' }, details.map((d) => h('div', {},
    h('dt', {}, d.label),
    h('dd', {}, d.url && /^https?:\/\//i.test(d.url) ? h('a', { href: d.url, rel: 'noopener noreferrer', target: '_blank' }, d.text) : d.text),
  )));
}

function timelineEntry(e) {
  const corrected = e.corrections.length > 0;
  return h('li', { class: `verlauf-eintrag${corrected ? ' korrigiert' : ''}`, 'data-typ': e.type },
    h('div', { class: 'verlauf-haupt' },
      h('p', { class: 'verlauf-datum' }, h('time', { datetime: e.businessDate }, date(e.businessDate))),
      h('p', { class: 'verlauf-satz' }, corrected ? h('span', { class: 'ursprung' }, h('span', { class: 'nur-vorlesen' }, 'Ursprünglich erfasst: '), h('del', {}, e.sentence)) : e.sentence),
      corrected && e.correctedSentence ? h('p', { class: 'verlauf-satz gilt' }, h('strong', {}, 'Gilt nach Korrektur: '), e.correctedSentence) : null,
      detailList(e.details ?? []),
      h('p', { class: 'verlauf-wer' }, `Erfasst am ${instant(e.recordedAt)} von ${who(e.actor)}`),
    ),
    corrected ? h('aside', { class: 'korrekturen', 'aria-label': 'Korrekturen zu diesem Eintrag' },
      e.corrections.map((c) => h('div', { class: 'korrektur' },
        h('p', { class: 'korrektur-titel' }, 'Korrektur'),
        h('p', {}, c.sentence),
        h('p', { class: 'verlauf-wer' }, `Erfasst am ${instant(c.recordedAt)} von ${who(c.actor)}`),
      )),
    ) : null,
  );
}

/** Rule 11 in a word: awaiting the Lenkungskreis, confirmed, or returned with its note. */
function claimText(claim) {
  if (!claim) return '–';
  const what = `„${label(STATUS, claim.status)}“ vom ${date(claim.reportedOn)}`;
  if (claim.verification === 'confirmed') return h('span', { class: 'pruefung bestaetigt' }, `${what}: bestätigt am ${date(claim.verifiedOn)}`);
  if (claim.verification === 'returned') return h('span', { class: 'pruefung zurueckgegeben' }, `${what}: zur Nachbesserung zurückgegeben am ${date(claim.verifiedOn)}${claim.note ? ` – ${claim.note}` : ''}`);
  return h('span', { class: 'pruefung offen' }, `${what}: Prüfung durch den Lenkungskreis offen`);
}
