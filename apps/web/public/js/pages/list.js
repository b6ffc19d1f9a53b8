// Empfehlungen: the list with filters and page-wise browsing (the API's keyset cursor).
import { api } from '../api.js';
import { date } from '../format.js';
import { h, show } from '../dom.js';
import { directory } from '../directory.js';
import { HANDOFF_STATE, LIFECYCLE, label } from '../labels.js';
import { asOfLine, dayOf, lifecycleBadge, overdueBadge, table } from '../ui.js';
import { dateInput } from '../forms/dates.js';
import { pageNav, pageStart } from './pages-nav.js';

const PAGE_SIZE = 20;
const FILTERS = ['konferenz', 'handlungsfeld', 'stand', 'gremium', 'stockend', 'asOf'];
/** Rule 1: nothing of a withdrawn or superseded recommendation is due any more. */
const RETIRED = ['withdrawn', 'superseded'];

export async function renderList(main, ctx) {
  const { region, params, navigate, link } = ctx;
  document.title = 'Empfehlungen – Empfehlungsradar';
  const current = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? '']));
  const pageNumber = Math.max(1, Math.floor(Number(params.get('seite') ?? '1')) || 1);
  const query = {
    conference: current.konferenz,
    fieldOfAction: current.handlungsfeld,
    lifecycle: current.stand,
    committee: current.gremium,
    stalled: current.stockend ? 'true' : undefined,
    asOf: current.asOf,
  };
  const path = `/regions/${region.regionId}/recommendations`;
  const [names, answer] = await Promise.all([
    directory(region.regionId),
    pageStart(path, query, pageNumber, PAGE_SIZE).then((cursor) => api.get(path, { ...query, cursor, limit: PAGE_SIZE })),
  ]);
  if (ctx.stale()) return;

  const select = (id, name, text, options) =>
    h('div', { class: 'feld' },
      h('label', { for: id }, text),
      h('select', { id, name }, h('option', { value: '' }, 'alle'), options.map(([value, text]) => h('option', { value, selected: value === current[name] }, text))),
    );
  const asOfInput = dateInput({ id: 'filter-asof', name: 'asOf', value: current.asOf });
  const form = h('form', { class: 'filter', role: 'search', 'aria-label': 'Empfehlungen filtern', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    const day = dayOf(asOfInput);
    if (day === null) return;
    const data = new FormData(form);
    navigate('empfehlungen', Object.fromEntries(FILTERS.map((f) => [f, f === 'stockend' ? (data.get(f) ? '1' : '') : f === 'asOf' ? day : data.get(f) ?? ''])));
  } },
    select('filter-konferenz', 'konferenz', 'Konferenz', names.conferences.map((c) => [c.id, c.label])),
    select('filter-handlungsfeld', 'handlungsfeld', 'Handlungsfeld', names.fieldsOfAction.map((f) => [f, f])),
    select('filter-stand', 'stand', 'Stand', Object.entries(LIFECYCLE)),
    select('filter-gremium', 'gremium', 'Gremium', names.committees.map((c) => [c.id, c.name])),
    h('div', { class: 'feld' }, h('label', { for: 'filter-asof' }, 'Stand am'), asOfInput),
    h('div', { class: 'feld feld-haken' },
      h('input', { type: 'checkbox', id: 'filter-stockend', name: 'stockend', value: '1', checked: Boolean(current.stockend) }),
      h('label', { for: 'filter-stockend' }, 'nur stockende (180 Tage ohne Schritt)'),
    ),
    h('div', { class: 'knoepfe' },
      h('button', { type: 'submit', class: 'knopf' }, 'Filtern'),
      h('a', { href: link('empfehlungen'), class: 'knopf-leise' }, 'Filter zurücksetzen'),
    ),
  );

  const items = answer.items ?? [];
  const filtered = FILTERS.some((f) => current[f]);
  const rows = items.map((i) => [
    h('a', { href: link('empfehlung', { asOf: current.asOf }, i.recommendationId) }, i.reference),
    i.title,
    i.conference,
    date(i.adoptedOn),
    lifecycleBadge(i.lifecycle, i.stalled),
    i.committees.length === 0 ? '–' : h('ul', { class: 'schlicht' }, i.committees.map((c) => h('li', {}, `${c.name} (${label(HANDOFF_STATE, c.state)})`))),
    RETIRED.includes(i.lifecycle) ? 'entfällt' : i.overdue ? overdueBadge(i.nextReportDueOn) : i.nextReportDueOn ? date(i.nextReportDueOn) : '–',
  ]);
  const keep = Object.fromEntries(FILTERS.map((f) => [f, current[f]]));
  show(main,
    h('h1', {}, 'Empfehlungen'),
    form,
    asOfLine(answer),
    h('p', { class: 'ergebnis', role: 'status' },
      items.length === 0 ? '' : `${answer.total} ${answer.total === 1 ? 'Empfehlung' : 'Empfehlungen'}${filtered ? ' (gefiltert)' : ''} · Seite ${pageNumber} von ${Math.ceil(answer.total / PAGE_SIZE)}.`),
    table('Empfehlungen der Bildungskonferenzen', ['Nummer', 'Titel', 'Konferenz', 'Beschlossen am', 'Stand', 'Gremien', 'Nächster Bericht'], rows, {
      emptyText: filtered ? 'Keine Empfehlung passt zu diesen Filtern.' : 'Noch keine Empfehlungen erfasst.',
      className: 'liste',
    }),
    pageNav(answer.total, PAGE_SIZE, pageNumber, (n) => link('empfehlungen', { ...keep, seite: n > 1 ? n : undefined })),
  );
}
