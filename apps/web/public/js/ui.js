// Pieces several pages share: error box, figure cards, tables, the "Stand am" picker, badges.
import { ApiError } from './api.js';
import { date, days, instant, months, ofTotal, percent } from './format.js';
import { h } from './dom.js';
import { DATE_MESSAGE, dateInput, parseDate, parseInstant, showInstant } from './forms/dates.js';
import { DEFAULT_PARAMS, FIGURES, LIFECYCLE, label } from './labels.js';

export function errorBox(error, retry) {
  const text = error instanceof ApiError ? error.message : 'Die Seite konnte nicht angezeigt werden.';
  return h('div', { class: 'fehler', role: 'alert' },
    h('p', {}, h('strong', {}, 'Das hat nicht geklappt. '), text),
    retry ? h('button', { type: 'button', class: 'knopf', onclick: retry }, 'Erneut versuchen') : null,
  );
}

/** A figure value as text, by the figure's kind. */
export function figureText(kind, figure) {
  const value = figure?.value ?? null;
  if (kind === 'days') return days(value);
  if (kind === 'months') return months(value);
  return percent(value);
}

/** "3 von 4 Empfehlungen" or "aus 3 Werten" under the value. */
function basis(kind, figure) {
  if (!figure) return '';
  if (kind === 'share') return figure.denominator ? `${ofTotal(figure.numerator, figure.denominator)}` : 'keine Grundlage';
  return figure.count ? `aus ${figure.count} ${figure.count === 1 ? 'Fall' : 'Fällen'}` : 'keine Grundlage';
}

/** The key figures as a list of cards, each with its one-line explanation. */
export function figureCards(figures, params = DEFAULT_PARAMS, names) {
  const p = { ...DEFAULT_PARAMS, ...params };
  const shown = names ? FIGURES.filter((f) => names.includes(f.name)) : FIGURES;
  return h('dl', { class: 'kennzahlen' },
    shown.map((f) =>
      h('div', { class: 'kennzahl', 'data-kennzahl': f.name },
        h('dt', {}, f.title),
        h('dd', { class: 'wert' }, figureText(f.kind, figures?.[f.name])),
        h('dd', { class: 'basis' }, basis(f.kind, figures?.[f.name])),
        h('dd', { class: 'erklaerung' }, f.explain(p)),
      ),
    ),
  );
}

/** A table with a caption; rows are arrays of cells (strings or nodes). */
export function table(caption, headers, rows, { emptyText = 'Keine Einträge.', className = '' } = {}) {
  if (rows.length === 0) return h('p', { class: 'leer' }, emptyText);
  return h('div', { class: 'tabelle-rahmen' },
    h('table', { class: className },
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, headers.map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', {}, c)))))),
    ),
  );
}

export const lifecycleBadge = (state, stalled) =>
  h('span', { class: 'stand-marke' },
    h('span', { class: `marke-${state}` }, label(LIFECYCLE, state)),
    stalled ? h('span', { class: 'warnung' }, ' · stockt') : null,
  );

export const overdueBadge = (dueOn) => h('span', { class: 'ueberfaellig' }, `überfällig seit ${date(dueOn)}`);

/**
 * The "Stand am" date picker (asOf). Submitting calls onChange with YYYY-MM-DD or '' for today.
 */
export function asOfPicker(current, onChange, { id = 'stand-am', note } = {}) {
  const input = dateInput({ id, name: 'asOf', value: current ?? '' });
  return h('form', { class: 'stand-am', role: 'search', 'aria-label': 'Zeitpunkt wählen', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    const day = dayOf(input);
    if (day !== null) onChange(day);
  } },
    h('label', { for: id }, 'Stand am'),
    input,
    h('button', { type: 'submit', class: 'knopf' }, 'Anzeigen'),
    current ? h('button', { type: 'button', class: 'knopf-leise', onclick: () => onChange('') }, 'Heute') : null,
    h('span', { class: 'hinweis' }, note ?? (current ? `Zeitreise: so stand es am ${date(current)}.` : 'Leer lassen für heute.')),
  );
}

/**
 * The ISO day a German date field holds ('' when empty); null, with the field marked and the
 * message said, when it is no day.
 */
export function dayOf(input) {
  const day = parseDate(input.value);
  input.setCustomValidity(day === null ? DATE_MESSAGE : '');
  if (day === null) input.reportValidity();
  return day;
}

/** "Stand: 23.11.2026" line every view shows. */
export const asOfLine = (answer) =>
  h('p', { class: 'stand' }, `Stand: ${date(answer?.asOf)}`, answer?.knownAt ? ` · nur was bis ${instant(answer.knownAt)} erfasst war` : '');

/**
 * For auditors: what the system knew at a moment (knownAt). A local date and time becomes an ISO
 * instant; empty means everything recorded.
 */
export function knownAtPicker(current, onChange) {
  const input = h('input', { type: 'text', id: 'erfasst-bis', name: 'knownAt', value: showInstant(current), placeholder: 'TT.MM.JJJJ hh:mm:ss', size: 19, autocomplete: 'off' });
  return h('details', { class: 'erfasst-bis', open: Boolean(current) },
    h('summary', {}, 'Für die Prüfung: Stand der Erfassung'),
    h('form', { class: 'stand-am', 'aria-label': 'Stand der Erfassung wählen', novalidate: true, onsubmit: (e) => {
      e.preventDefault();
      // "bis 12:05:09" takes in the whole second, as a person reading "Erfasst am …, 12:05:09 Uhr" means it.
      const when = parseInstant(input.value, { wholeSecond: true });
      input.setCustomValidity(when === null ? 'Bitte Datum und Uhrzeit als TT.MM.JJJJ hh:mm:ss angeben (deutsche Zeit), z. B. 14.09.2019 13:05:09.' : '');
      if (when === null) input.reportValidity();
      else onChange(when);
    } },
      h('label', { for: 'erfasst-bis' }, 'Erfasst bis'),
      input,
      h('button', { type: 'submit', class: 'knopf' }, 'Anzeigen'),
      current ? h('button', { type: 'button', class: 'knopf-leise', onclick: () => onChange('') }, 'Alles Erfasste') : null,
      h('span', { class: 'hinweis' }, 'Zeigt nur, was bis zu diesem Zeitpunkt im System erfasst war – auch Korrekturen erst ab ihrer Erfassung.'),
    ),
  );
}


/** Cohort (all or one conference) and "Stand am" for the boards; navigates to the same page. */
export function viewControls(ctx, page, conferences) {
  const kohorte = ctx.params.get('kohorte') ?? '';
  const asOf = ctx.params.get('asOf') ?? '';
  const select = h('select', { id: 'ansicht-kohorte', name: 'kohorte' },
    h('option', { value: '' }, 'alle Konferenzen'),
    conferences.map((c) => h('option', { value: c.id, selected: c.id === kohorte }, c.label)));
  const input = dateInput({ id: 'ansicht-asof', name: 'asOf', value: asOf });
  return h('form', { class: 'filter', role: 'search', 'aria-label': 'Ansicht eingrenzen', novalidate: true, onsubmit: (e) => {
    e.preventDefault();
    const day = dayOf(input);
    if (day !== null) ctx.navigate(page, { kohorte: select.value, asOf: day });
  } },
    h('div', { class: 'feld' }, h('label', { for: 'ansicht-kohorte' }, 'Kohorte'), select),
    h('div', { class: 'feld' }, h('label', { for: 'ansicht-asof' }, 'Stand am'), input),
    h('div', { class: 'knoepfe' }, h('button', { type: 'submit', class: 'knopf' }, 'Anzeigen')),
  );
}

/** The query a board takes from the page's parameters. */
export const viewQuery = (params) => ({
  cohort: params.get('kohorte') ? `conference:${params.get('kohorte')}` : undefined,
  asOf: params.get('asOf') ?? undefined,
});
