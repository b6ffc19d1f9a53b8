// Bericht an die Bildungskonferenz: one printable page per conference cohort.
import { api } from '../api.js';
import { date, percent } from '../format.js';
import { empty, h, show } from '../dom.js';
import { directory } from '../directory.js';
import { LIFECYCLE, STAGE, label } from '../labels.js';
import { publicLink } from './public.js';
import { dayOf, figureCards } from '../ui.js';
import { dateInput } from '../forms/dates.js';
import { followPicker } from '../follow.js';

const STAGES = ['adopted', 'handedOff', 'accepted', 'reported', 'implemented', 'verified', 'impactMeasured', 'sustained'];

export async function renderReport(main, ctx) {
  const { region, params, navigate } = ctx;
  document.title = 'Bericht an die Bildungskonferenz – Empfehlungsradar';
  const names = await directory(region.regionId);
  if (ctx.stale()) return;
  const chosen = params.get('konferenz') ?? '';
  const asOf = params.get('asOf') ?? '';
  // With a "Stand am", conferences that had not yet taken place then get no page.
  const conferences = names.conferences.filter((c) => (chosen ? c.id === chosen : !asOf || !c.date || c.date <= asOf));

  const select = h('select', { id: 'bericht-konferenz', name: 'konferenz' },
    h('option', { value: '' }, 'alle (je Konferenz eine Seite)'),
    names.conferences.map((c) => h('option', { value: c.id, selected: c.id === chosen }, c.label)));
  const input = dateInput({ id: 'bericht-asof', name: 'asOf', value: asOf });
  const pages = h('div', { class: 'berichte', 'aria-live': 'polite' }, h('p', { class: 'laedt', role: 'status' }, `${conferences.length} Berichtsseiten werden erstellt …`));
  show(main,
    h('div', { class: 'nicht-drucken' },
      h('h1', {}, 'Bericht an die Bildungskonferenz'),
      h('p', { class: 'einleitung' }, 'Eine druckbare Seite je Konferenz mit den Kennzahlen, dem Trichter und den Namen hinter den Zahlen – zum Vortrag durch den Lenkungskreis.'),
      h('form', { class: 'filter', 'aria-label': 'Bericht wählen', novalidate: true, onsubmit: (e) => {
        e.preventDefault();
        const day = dayOf(input);
        if (day !== null) navigate('bericht', { konferenz: select.value, asOf: day });
      } },
        h('div', { class: 'feld' }, h('label', { for: 'bericht-konferenz' }, 'Konferenz'), select),
        h('div', { class: 'feld' }, h('label', { for: 'bericht-asof' }, 'Stand am'), input),
        h('div', { class: 'knoepfe' },
          h('button', { type: 'submit', class: 'knopf' }, 'Anzeigen'),
          h('button', { type: 'button', class: 'knopf-leise', onclick: () => window.print() }, 'Drucken'),
        ),
      ),
    ),
    pages,
    names.conferences.length ? followPicker(ctx, { targetType: 'conference', title: 'Den Empfehlungen einer Konferenz folgen', fieldLabel: 'Folgen: Konferenz', options: names.conferences.map((c) => ({ id: c.id, label: c.label })) }) : null,
  );
  if (conferences.length === 0) {
    show(pages, empty(asOf ? 'Zu diesem Stand hatte noch keine Konferenz stattgefunden.' : 'Noch keine Konferenz mit Empfehlungen.'));
    return;
  }
  const [published, ...reports] = await Promise.all([
    api.get(`/regions/${region.regionId}/settings/public-views`),
    ...conferences.map((c) => api.get(`/regions/${region.regionId}/conferences/${c.id}/report`, { asOf })),
  ]);
  if (ctx.stale()) return;
  // With public views on, each page names where anyone can follow its recommendations (printed too).
  const publicAddress = (conferenceId) => (published.enabled ? `${location.origin}/${publicLink(region.regionId, 'konferenz', conferenceId)}` : null);
  show(pages, reports.map((r) => reportPage(r, publicAddress(r.conference.conferenceId))));
}

/**
 * "5 Empfehlungen, davon 1 zurückgezogen oder ersetzt (nicht mitgezählt)": withdrawn and superseded
 * ones are listed by name but left out of every figure (metrics.md), as in the funnel of the Übersicht,
 * so the counts on this page agree with it for the same conference.
 */
function scope(recommendations) {
  const retired = recommendations.filter((x) => x.lifecycle === 'withdrawn' || x.lifecycle === 'superseded').length;
  const all = `${recommendations.length} ${recommendations.length === 1 ? 'Empfehlung' : 'Empfehlungen'}`;
  return retired ? `${all}, davon ${retired} zurückgezogen oder ersetzt (in den Zahlen nicht mitgezählt)` : all;
}

function reportPage(r, publicAddress) {
  const names = (title, rows, text) => rows.length === 0 ? null : h('div', { class: 'namen' }, h('h3', {}, title), h('ul', {}, rows.map((row) => h('li', {}, text(row)))));
  const headingId = `bericht-${r.conference.conferenceId}`;
  return h('article', { class: 'bericht-seite', 'aria-labelledby': headingId },
    h('header', { class: 'bericht-kopf' },
      h('p', { class: 'klein' }, r.region),
      h('h2', { id: headingId }, `Bericht an die Bildungskonferenz: ${r.conference.label}`),
      h('p', { class: 'bericht-umfang' }, `Konferenz vom ${date(r.conference.heldOn ?? r.conference.date)} · Stand ${date(r.asOf)} · ${scope(r.recommendations)}`),
      publicAddress ? h('p', { class: 'oeffentliche-adresse' }, 'Was wurde aus diesen Empfehlungen? Öffentlich und laufend aktuell: ', h('a', { href: publicAddress }, publicAddress)) : null,
    ),
    h('section', { class: 'bericht-trichter', 'aria-label': 'Trichter' },
      h('h3', {}, 'Was aus den Empfehlungen wurde'),
      h('ol', { class: 'stufen' }, STAGES.map((stage, i) => {
        const s = r.funnel.find((x) => x.stage === stage) ?? { count: 0, share: null };
        const bar = h('span', { class: `stufe-balken stufe-${i}` });
        bar.style.width = `${Math.max(0, Math.min(1, s.share ?? 0)) * 100}%`;
        return h('li', {}, h('span', { class: 'stufe-name' }, label(STAGE, stage)), h('span', { class: 'stufe-spur' }, bar), h('span', { class: 'stufe-wert' }, `${s.count} (${percent(s.share)})`));
      })),
    ),
    h('section', { 'aria-label': 'Kennzahlen' }, figureCards(r.figures, r.params)),
    h('section', { class: 'bericht-namen', 'aria-label': 'Namen hinter den Zahlen' },
      h('div', { class: 'namen' }, h('h3', {}, 'Empfehlungen'), h('ul', {}, r.recommendations.map((x) =>
        h('li', {}, `${x.reference} ${x.title}: ${label(LIFECYCLE, x.lifecycle)}${x.stalled ? ' (stockt)' : ''}`)))),
      names('Überfällige Berichte', r.overdueReports, (x) => `${x.reference} – ${x.committee}, fällig ${date(x.dueOn)}`),
      names('Stockend', r.stalled, (x) => `${x.reference} – letzter Schritt ${date(x.lastEventOn)}`),
      names('Nachhaltigkeitsprüfung fällig', r.dueNotReviewed, (x) => `${x.reference} – fällig seit ${date(x.reviewDueOn)}`),
    ),
  );
}
