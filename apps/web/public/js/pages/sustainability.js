// Nachhaltigkeit: implemented recommendations by review outcome and anchoring; due and not reviewed.
import { api } from '../api.js';
import { date, number } from '../format.js';
import { empty, h, show } from '../dom.js';
import { directory } from '../directory.js';
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
