// "Meine Aufträge": a committee member's open hand-offs (answer due, report due, overdue first)
// with accept / decline / report right there; the Lenkungskreis's work list: adopted but not
// handed off, declined, stalled, due for a sustainability review.
import { api } from '../api.js';
import { date, todayIso } from '../format.js';
import { empty, h, show } from '../dom.js';
import { HANDOFF_STATE, label, STATUS } from '../labels.js';
import { lifecycleBadge, table } from '../ui.js';
import { everything } from '../forms/choices.js';
import { savedAndReload, savedNotice } from '../forms/command-form.js';
import { acceptForm, declineForm, statusReportForm, verifyForm } from '../forms/recommendation-forms.js';

export async function renderWorkList(main, ctx) {
  if (ctx.account.role === 'steering') return renderSteering(main, ctx);
  document.title = 'Meine Aufträge – Empfehlungsradar';
  if (ctx.account.role !== 'committee') {
    show(main, h('h1', {}, 'Meine Aufträge'), empty('Aufträge gibt es für Mitglieder eines Gremiums und für den Lenkungskreis.'));
    return;
  }
  return renderCommittee(main, ctx);
}

const FINISHED = new Set(['implemented', 'not_implemented']);

/** Overdue first (answer or report), then by the earliest due day. */
export function workOrder(a, b) {
  return Number(b.late) - Number(a.late) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.reference.localeCompare(b.reference, 'de', { numeric: true });
}

async function renderCommittee(main, ctx) {
  const { region, account, link } = ctx;
  const today = todayIso();
  const mine = account.committeeIds ?? [];
  const lists = await Promise.all(mine.map((id) => everything(`/regions/${region.regionId}/recommendations`, { committee: id })));
  if (ctx.stale()) return;
  const seen = new Set();
  const tasks = [];
  for (const item of lists.flat()) {
    for (const c of item.committees) {
      const key = `${item.recommendationId}/${c.committeeId}`;
      if (!mine.includes(c.committeeId) || seen.has(key)) continue;
      seen.add(key);
      if (c.state === 'pending' && !['withdrawn', 'superseded'].includes(item.lifecycle)) {
        tasks.push({ item, c, reference: item.reference, kind: 'answer', due: c.answerDueOn, late: c.answerDueOn < today });
      } else if (c.state === 'accepted' && !FINISHED.has(item.lifecycle) && !['withdrawn', 'superseded'].includes(item.lifecycle)) {
        tasks.push({ item, c, reference: item.reference, kind: 'report', due: c.dueOn, late: c.overdue });
      }
    }
  }
  tasks.sort(workOrder);
  const overdue = tasks.filter((t) => t.late).length;
  show(main,
    h('h1', {}, 'Meine Aufträge'),
    savedNotice(),
    h('p', { class: 'ergebnis', role: 'status' }, tasks.length === 0 ? '' : `${tasks.length} offene ${tasks.length === 1 ? 'Auftrag' : 'Aufträge'}, davon ${overdue} überfällig.`),
    tasks.length === 0 ? empty('Keine offenen Aufträge für Ihre Gremien.') : h('ol', { class: 'auftraege' }, tasks.map((t) => taskCard(ctx, t, link))),
  );
}

function taskCard(ctx, t, link) {
  const { item, c } = t;
  const dueText = t.kind === 'answer' ? `Antwort fällig am ${date(t.due)}` : t.due ? `Bericht fällig am ${date(t.due)}` : 'kein Bericht fällig';
  const forms = h('div', { class: 'auftrag-formulare' }, h('p', { class: 'laedt' }, 'Formulare werden geladen …'));
  const card = h('li', { class: `auftrag${t.late ? ' ist-ueberfaellig' : ''}`, 'data-empfehlung': item.recommendationId },
    h('h2', {}, h('a', { href: link('empfehlung', {}, item.recommendationId) }, item.reference), ' ', item.title),
    h('p', { class: 'auftrag-eckdaten' },
      `${c.name} · ${label(HANDOFF_STATE, c.state)} · übergeben am ${date(c.decidedOn)} · `,
      h('span', { class: t.late ? 'ueberfaellig' : 'faellig' }, `${dueText}${t.late ? ' – überfällig' : ''}`),
      ' · ', lifecycleBadge(item.lifecycle, item.stalled)),
    forms,
  );
  // The forms send the revision they were built on: read with the page, just before showing them.
  void api.get(`/regions/${ctx.region.regionId}/recommendations/${item.recommendationId}/page`).then((page) => {
    const rec = {
      regionId: ctx.region.regionId, recommendationId: item.recommendationId, revision: () => page.revision,
      done: (message) => savedAndReload(message),
    };
    const assignment = page.assignments.filter((a) => a.committeeId === c.committeeId);
    // A claim the Lenkungskreis returned: the committee sees why before it reports again.
    const returned = assignment.find((a) => a.claim?.verification === 'returned')?.claim;
    const note = returned
      ? h('p', { class: 'zurueckgegeben', role: 'note' },
        `Ihre Meldung „${label(STATUS, returned.status)}“ vom ${date(returned.reportedOn)} wurde am ${date(returned.verifiedOn)} zur Nachbesserung zurückgegeben: ${returned.note ?? ''}`)
      : null;
    forms.replaceChildren(...[note, ...(t.kind === 'answer' ? [acceptForm(rec, assignment), declineForm(rec, assignment)] : [statusReportForm(rec, assignment)])].filter(Boolean));
  }).catch(() => forms.replaceChildren(h('p', { class: 'fehler' }, 'Die Formulare konnten nicht geladen werden. Bitte die Seite neu laden.')));
  return card;
}

async function renderSteering(main, ctx) {
  const { region, link } = ctx;
  document.title = 'Arbeitsliste – Empfehlungsradar';
  const path = `/regions/${region.regionId}/recommendations`;
  const [adopted, declined, stalled, board, claims] = await Promise.all([
    everything(path, { lifecycle: 'adopted' }),
    everything(path, { lifecycle: 'declined' }),
    everything(path, { stalled: 'true' }),
    api.get(`/regions/${region.regionId}/views/sustainability-board`),
    api.get(`/regions/${region.regionId}/views/claims`),
  ]);
  if (ctx.stale()) return;
  const ref = (i) => h('a', { href: link('empfehlung', { aktion: 'hand-off' }, i.recommendationId) }, i.reference);
  const plainRef = (i) => h('a', { href: link('empfehlung', {}, i.recommendationId) }, i.reference);
  const section = (id, title, hint, items, headers, row, emptyText) =>
    h('section', { class: 'abschnitt', 'aria-labelledby': id },
      h('h2', { id }, `${title} (${items.length})`),
      h('p', { class: 'hinweis' }, hint),
      table(null, headers, items.map(row), { emptyText }));
  show(main,
    h('h1', {}, 'Arbeitsliste des Lenkungskreises'),
    savedNotice(),
    claimsSection(ctx, claims.awaiting ?? []),
    section('liste-unuebergeben', 'Beschlossen, noch nicht übergeben', 'Empfehlungen ohne Übergabe an ein Gremium.', adopted,
      ['Nummer', 'Titel', 'Beschlossen am'], (i) => [ref(i), i.title, date(i.adoptedOn)], 'Jede Empfehlung ist übergeben.'),
    section('liste-abgelehnt', 'Abgelehnt', 'Alle Übergaben abgelehnt oder zurückgezogen: ein anderes Gremium suchen oder zurückziehen.', declined,
      ['Nummer', 'Titel', 'Gremien'], (i) => [ref(i), i.title, i.committees.map((c) => `${c.name} (${label(HANDOFF_STATE, c.state)})`).join(', ')], 'Keine abgelehnte Empfehlung.'),
    section('liste-stockend', 'Stockend', 'Seit 180 Tagen ohne jeden Schritt.', stalled,
      ['Nummer', 'Titel', 'Stand'], (i) => [plainRef(i), i.title, lifecycleBadge(i.lifecycle, i.stalled)], 'Keine stockende Empfehlung.'),
    section('liste-pruefung', 'Nachhaltigkeitsprüfung fällig', 'Umgesetzt vor mindestens zwölf Monaten und noch nicht geprüft.', board.dueNotReviewed ?? [],
      ['Nummer', 'Titel', 'Umgesetzt am', 'Prüfung fällig seit'],
      (i) => [h('a', { href: link('empfehlung', { aktion: 'review' }, i.recommendationId) }, i.reference), i.title, date(i.implementedOn), date(i.reviewDueOn)], 'Keine Prüfung fällig.'),
  );
}

/** Claims awaiting the Lenkungskreis (rule 11), oldest first, each with its evidence and the check in one step. */
function claimsSection(ctx, claims) {
  const { link } = ctx;
  return h('section', { class: 'abschnitt', 'aria-labelledby': 'liste-meldungen' },
    h('h2', { id: 'liste-meldungen' }, `Umsetzungsmeldungen zur Prüfung (${claims.length})`),
    h('p', { class: 'hinweis' }, 'Gremien melden „umgesetzt“; erst Ihre Bestätigung zählt als bestätigte Umsetzung. Die älteste Meldung zuerst.'),
    claims.length === 0 ? empty('Keine Meldung wartet auf Prüfung.') : h('ol', { class: 'auftraege meldungen' }, claims.map((c) => {
      const forms = h('div', { class: 'auftrag-formulare' }, h('p', { class: 'laedt' }, 'Formular wird geladen …'));
      void api.get(`/regions/${ctx.region.regionId}/recommendations/${c.recommendationId}/page`).then((page) => {
        const rec = {
          regionId: ctx.region.regionId, recommendationId: c.recommendationId, revision: () => page.revision, folded: false,
          done: (message) => savedAndReload(message),
        };
        forms.replaceChildren(verifyForm(rec, c));
      }).catch(() => forms.replaceChildren(h('p', { class: 'fehler' }, 'Das Formular konnte nicht geladen werden. Bitte die Seite neu laden.')));
      return h('li', { class: 'auftrag meldung', 'data-empfehlung': c.recommendationId, 'data-gremium': c.committeeId },
        h('h3', {}, h('a', { href: link('empfehlung', {}, c.recommendationId) }, c.reference), ' ', c.title),
        h('p', { class: 'auftrag-eckdaten' }, `${c.committee} · „${label(STATUS, c.status)}“ gemeldet am ${date(c.reportedOn)} · wartet seit ${c.waitingDays} Tagen`),
        c.summary ? h('p', { class: 'zusammenfassung' }, c.summary) : null,
        h('ul', { class: 'schlicht nachweise' }, c.evidence.length === 0
          ? h('li', {}, 'Keine Nachweise angegeben.')
          : c.evidence.map((e) => h('li', {}, h('a', { href: e.url, rel: 'noopener noreferrer', target: '_blank' }, e.title)))),
        forms);
    })));
}
