// Nachhaltigkeit: implemented recommendations by review outcome and anchoring; due and not reviewed.
import { api } from '../api.js';
import { date, number } from '../format.js';
import { empty, h, show } from '../dom.js';
import { directory } from '../directory.js';
import { asTable, stackedBars, stackedTable } from '../charts.js';
import { ANCHORING, STANDING, label } from '../labels.js';
import { asOfLine, figureCards, table, viewControls, viewQuery } from '../ui.js';

export async function renderSustainability(main, ctx) {
  const { region, link } = ctx;
  document.title = 'Nachhaltigkeit – Empfehlungsradar';
  const [names, answer] = await Promise.all([
    directory(region.regionId),
    api.get(`/regions/${region.regionId}/views/sustainability-board`, viewQuery(ctx.params)),
  ]);
  if (ctx.stale()) return;
  const items = answer.items ?? [];
  const ref = (i) => h('a', { href: link('empfehlung', {}, i.recommendationId) }, i.reference);
  const counts = (obj, labels) => Object.entries(obj ?? {}).map(([k, v]) => h('li', {}, h('span', { class: 'zahl' }, number(v, 0)), ` ${label(labels, k)}`));
  show(main,
    h('h1', {}, 'Nachhaltigkeit'),
    h('p', { class: 'einleitung' }, `Ob umgesetzte Empfehlungen nach mindestens ${answer.reviewMonths ?? 12} Monaten noch wirken – und wo die Prüfung fehlt.`),
    viewControls(ctx, 'nachhaltigkeit', names.conferences),
    asOfLine(answer),
    figureCards(answer.figures, { reviewMonths: answer.reviewMonths ?? 12 }, ['sustainabilityRate', 'lapseRate', 'unreviewedRate', 'anchoredRate']),
    byConferenceSection(ctx, names.conferences, answer),
    h('div', { class: 'zwei-spalten' },
      h('section', { class: 'abschnitt', 'aria-labelledby': 'ergebnis-titel' },
        h('h2', { id: 'ergebnis-titel' }, 'Nach Prüfergebnis'),
        Object.keys(answer.byStanding ?? {}).length ? h('ul', { class: 'zaehler' }, counts(answer.byStanding, STANDING)) : empty('Noch nichts zu prüfen.')),
      h('section', { class: 'abschnitt', 'aria-labelledby': 'verankerung-titel' },
        h('h2', { id: 'verankerung-titel' }, 'Verankerung der nachhaltigen'),
        Object.keys(answer.anchoringOfSustained ?? {}).length ? h('ul', { class: 'zaehler' }, counts(answer.anchoringOfSustained, ANCHORING)) : empty('Noch keine nachhaltig verankerte Empfehlung.')),
    ),
    h('section', { class: 'abschnitt', 'aria-labelledby': 'faellig-titel' },
      h('h2', { id: 'faellig-titel' }, 'Prüfung fällig, aber nicht erfolgt'),
      table(null, ['Nummer', 'Titel', 'Umgesetzt am', 'Prüfung fällig seit'],
        (answer.dueNotReviewed ?? []).map((i) => [ref(i), i.title, date(i.implementedOn), h('span', { class: 'ueberfaellig' }, date(i.reviewDueOn))]),
        { emptyText: 'Keine fällige Prüfung offen.' }),
    ),
    h('section', { class: 'abschnitt', 'aria-labelledby': 'alle-titel' },
      h('h2', { id: 'alle-titel' }, 'Alle umgesetzten Empfehlungen'),
      table(null, ['Nummer', 'Titel', 'Umgesetzt am', 'Prüfung fällig ab', 'Ergebnis', 'Verankerung'],
        items.map((i) => [ref(i), i.title, date(i.implementedOn), date(i.reviewDueOn), label(STANDING, i.standing),
          i.review ? i.review.anchoring.map((a) => label(ANCHORING, a)).join(', ') : '–']),
        { emptyText: 'Noch keine Empfehlung umgesetzt.' }),
      (answer.notYetDue ?? []).length ? h('p', { class: 'hinweis' }, `Noch nicht zur Prüfung fällig: ${(answer.notYetDue ?? []).map((i) => `${i.reference} (ab ${date(i.reviewDueOn)})`).join(', ')}.`) : null,
    ),
  );
}

const SERIES = [
  { key: 'sustained', label: 'nachhaltig verankert', className: 'serie-nachhaltig' },
  { key: 'at_risk', label: 'gefährdet', className: 'serie-gefaehrdet' },
  { key: 'lapsed', label: 'nicht mehr wirksam', className: 'serie-erloschen' },
  { key: 'unreviewed', label: 'nicht geprüft', className: 'serie-ungeprueft' },
  { key: 'notYetDue', label: 'Prüfung noch nicht fällig', className: 'serie-nicht-faellig' },
];

/** The implemented recommendations of each conference by review outcome: one stacked bar each. */
function byConferenceSection(ctx, conferences, answer) {
  const cohort = ctx.params.get('kohorte');
  const asOf = ctx.params.get('asOf');
  const counts = new Map();
  const count = (conferenceId, key) => {
    const c = counts.get(conferenceId) ?? {};
    c[key] = (c[key] ?? 0) + 1;
    counts.set(conferenceId, c);
  };
  for (const i of answer.items ?? []) count(i.conferenceId, i.standing);
  for (const i of answer.notYetDue ?? []) count(i.conferenceId, 'notYetDue');
  const groups = conferences
    .filter((c) => (cohort ? c.id === cohort : !asOf || !c.date || c.date <= asOf))
    .map((c) => ({ label: c.label, counts: counts.get(c.id) ?? {} }));
  const title = 'Umgesetzte Empfehlungen je Konferenz nach Prüfergebnis';
  return h('section', { class: 'abschnitt', 'aria-labelledby': 'je-konferenz-titel' },
    h('h2', { id: 'je-konferenz-titel' }, 'Je Konferenz'),
    h('p', { class: 'hinweis' }, 'Jeder Balken zeigt die umgesetzten Empfehlungen einer Konferenz nach dem Ergebnis ihrer letzten Nachhaltigkeitsprüfung; die Länge ist die Anzahl.'),
    groups.length === 0 ? empty('Keine Konferenz in dieser Auswahl.') : [
      stackedBars(title, SERIES, groups),
      asTable('Als Tabelle', stackedTable(title, SERIES, groups)),
    ],
  );
}
