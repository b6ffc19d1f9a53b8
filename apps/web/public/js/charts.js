// Small charts in plain HTML and CSS, each with its table as the alternative (a <details> below it).
import { number, percent } from './format.js';
import { h } from './dom.js';

/** A chart's table, folded away under the chart: the same numbers for screen readers and for copying. */
export const asTable = (summary, tableNode) => h('details', { class: 'als-tabelle' }, h('summary', {}, summary), tableNode);

/**
 * A share 0…1 as a colour of a diverging orange–blue scale (readable with the common colour-vision
 * deficiencies): low shares orange, the middle neutral, high shares blue. Black text stays
 * readable on every step (contrast above 7:1). Null (no base): no colour.
 */
const STOPS = [
  [0, [239, 138, 98]],
  [0.5, [247, 247, 247]],
  [1, [103, 169, 207]],
];
export function shareColour(share) {
  if (share === null || share === undefined || Number.isNaN(share)) return null;
  const s = Math.max(0, Math.min(1, share));
  const upper = STOPS.findIndex(([at]) => at >= s);
  const [a, ca] = STOPS[Math.max(0, upper - 1)];
  const [b, cb] = STOPS[upper];
  const t = b === a ? 0 : (s - a) / (b - a);
  const mix = ca.map((c, i) => Math.round(c + (cb[i] - c) * t));
  return `rgb(${mix.join(', ')})`;
}

/** The scale's legend: a gradient strip from 0 % to 100 %. */
export const shareLegend = () =>
  h('p', { class: 'farbskala' },
    h('span', {}, 'Farbskala: '),
    h('span', { class: 'farbskala-ende' }, '0 %'),
    h('span', { class: 'farbskala-streifen', 'aria-hidden': 'true' }),
    h('span', { class: 'farbskala-ende' }, '100 %'),
    h('span', { class: 'hinweis' }, ' – orange: niedrig, blau: hoch; ohne Farbe: keine Grundlage'),
  );

/**
 * A table whose column headers sort it (ascending, then descending; empty values always last).
 * columns: [{ title, value(row) → number|string|null, cell(row) → node|string, numeric }]
 */
export function sortableTable(caption, columns, rows, { className = '', initial = 0 } = {}) {
  const collator = new Intl.Collator('de');
  let by = initial;
  let descending = false;
  const body = h('tbody');
  const buttons = columns.map((c, i) =>
    h('button', { type: 'button', class: 'sortieren', onclick: () => sortBy(i) }, c.title, h('span', { class: 'sortier-zeichen', 'aria-hidden': 'true' })),
  );
  const heads = columns.map((c, i) => h('th', { scope: 'col', class: c.numeric ? 'zahl' : '' }, buttons[i]));

  function compare(a, b) {
    const va = columns[by].value(a);
    const vb = columns[by].value(b);
    const emptyA = va === null || va === undefined;
    const emptyB = vb === null || vb === undefined;
    if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1;
    const order = typeof va === 'number' && typeof vb === 'number' ? va - vb : collator.compare(String(va), String(vb));
    return descending ? -order : order;
  }

  function render() {
    heads.forEach((th, i) => {
      if (i === by) th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
      th.querySelector('.sortier-zeichen').textContent = i === by ? (descending ? ' ▼' : ' ▲') : '';
    });
    const sorted = [...rows].sort((a, b) => compare(a, b) || collator.compare(String(columns[0].value(a)), String(columns[0].value(b))));
    body.replaceChildren(...sorted.map((r) => h('tr', {}, columns.map((c, i) => {
      const content = c.cell ? c.cell(r) : c.value(r);
      const colour = c.colour ? c.colour(r) : null;
      const cell = h(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : undefined, class: c.numeric ? 'zahl' : '' }, content);
      if (colour) cell.style.backgroundColor = colour;
      return cell;
    }))));
  }

  function sortBy(i) {
    // A number column starts with the highest: who does best (or has the most) comes first.
    descending = i === by ? !descending : Boolean(columns[i].numeric);
    by = i;
    render();
  }

  render();
  return h('div', { class: 'tabelle-rahmen' },
    h('table', { class: className },
      caption ? h('caption', {}, caption) : null,
      h('thead', {}, h('tr', {}, heads)),
      body,
    ),
  );
}

/**
 * Horizontal stacked bars, one per group, lengths comparable across groups (scaled to the largest
 * total). series: [{ key, label, className }]; groups: [{ label, note, counts: { key: n } }].
 */
export function stackedBars(ariaLabel, series, groups) {
  const max = Math.max(1, ...groups.map((g) => total(g, series)));
  return h('div', { class: 'gestapelt', role: 'group', 'aria-label': ariaLabel },
    h('ul', { class: 'legende', 'aria-label': 'Legende' }, series.map((s) => h('li', {}, h('span', { class: `farbe ${s.className}` }), s.label))),
    h('ol', { class: 'gestapelt-zeilen' }, groups.map((g) => {
      const sum = total(g, series);
      const bar = h('span', { class: 'gestapelt-balken' }, series.map((s) => {
        const n = g.counts[s.key] ?? 0;
        if (n === 0) return null;
        const part = h('span', { class: `gestapelt-teil ${s.className}`, title: `${s.label}: ${number(n, 0)}`, 'data-serie': s.key }, h('span', { class: 'gestapelt-zahl', 'aria-hidden': 'true' }, number(n, 0)));
        part.style.width = `${(n / sum) * 100}%`;
        return part;
      }));
      bar.style.width = `${(sum / max) * 100}%`;
      return h('li', { class: 'gestapelt-zeile', 'data-gruppe': g.label },
        h('span', { class: 'gestapelt-name' }, g.label, g.note ? h('span', { class: 'klein' }, ` ${g.note}`) : null),
        h('span', { class: 'gestapelt-spur' }, sum === 0 ? h('span', { class: 'klein' }, 'keine') : bar),
        h('span', { class: 'gestapelt-summe zahl' }, number(sum, 0)),
        h('span', { class: 'nur-vorlesen' }, `${g.label}: ${series.map((s) => `${s.label} ${number(g.counts[s.key] ?? 0, 0)}`).join(', ')}`),
      );
    })),
  );
}

const total = (g, series) => series.reduce((sum, s) => sum + (g.counts[s.key] ?? 0), 0);

/** The same numbers as the bars, with shares of each group's total. */
export function stackedTable(caption, series, groups) {
  return h('div', { class: 'tabelle-rahmen' },
    h('table', {},
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Konferenz'), series.map((s) => h('th', { scope: 'col', class: 'zahl' }, s.label)), h('th', { scope: 'col', class: 'zahl' }, 'zusammen'))),
      h('tbody', {}, groups.map((g) => {
        const sum = total(g, series);
        return h('tr', {},
          h('th', { scope: 'row' }, g.label),
          series.map((s) => h('td', { class: 'zahl' }, `${number(g.counts[s.key] ?? 0, 0)}${sum ? ` (${percent((g.counts[s.key] ?? 0) / sum)})` : ''}`)),
          h('td', { class: 'zahl' }, number(sum, 0)),
        );
      })),
    ),
  );
}
