// One indicator as an inline SVG line: baseline, measurements, the target as a dashed line.
import { date, number } from './format.js';
import { h, svg } from './dom.js';

const W = 560;
const H = 200;
const PAD = { left: 48, right: 16, top: 16, bottom: 32 };

const dayNumber = (iso) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

export function indicatorChart(indicator, { title } = {}) {
  const points = [
    { on: indicator.baseline.on, value: indicator.baseline.value, kind: 'Ausgangswert' },
    ...indicator.measurements.map((m) => ({ on: m.measuredOn, value: m.value, kind: 'Messung' })),
  ];
  const xs = [...points.map((p) => dayNumber(p.on)), dayNumber(indicator.target.dueOn)];
  const ys = [...points.map((p) => p.value), indicator.target.value];
  let [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  let [y0, y1] = [Math.min(...ys), Math.max(...ys)];
  if (x0 === x1) [x0, x1] = [x0 - 30, x1 + 30];
  if (y0 === y1) [y0, y1] = [y0 - 1, y1 + 1];
  const spread = y1 - y0;
  y0 = Math.max(y0 >= 0 ? 0 : -Infinity, y0 - spread * 0.1);
  y1 += spread * 0.1;
  const x = (iso) => PAD.left + ((dayNumber(iso) - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const y = (v) => H - PAD.bottom - ((v - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  const description =
    `${indicator.name}: Ausgangswert ${number(indicator.baseline.value)}${unit} am ${date(indicator.baseline.on)}, ` +
    `Ziel ${number(indicator.target.value)}${unit} bis ${date(indicator.target.dueOn)}, ` +
    (indicator.measurements.length === 0
      ? 'noch keine Messung.'
      : `Messungen: ${indicator.measurements.map((m) => `${number(m.value)}${unit} am ${date(m.measuredOn)}`).join(', ')}.`);
  const startYear = new Date(x0 * 86_400_000).getUTCFullYear();
  const endYear = new Date(x1 * 86_400_000).getUTCFullYear();
  const step = Math.max(1, Math.ceil((endYear - startYear + 1) / 8));
  const years = [];
  for (let year = startYear; year <= endYear; year += step) years.push(year);
  return svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'linie', role: 'img', 'aria-label': title ?? description, preserveAspectRatio: 'xMidYMid meet' },
    svg('title', {}, description),
    svg('line', { x1: PAD.left, x2: PAD.left, y1: PAD.top, y2: H - PAD.bottom, class: 'achse' }),
    svg('line', { x1: PAD.left, x2: W - PAD.right, y1: H - PAD.bottom, y2: H - PAD.bottom, class: 'achse' }),
    [y0, (y0 + y1) / 2, y1].map((v) =>
      svg('text', { x: PAD.left - 6, y: y(v) + 4, class: 'achsentext', 'text-anchor': 'end' }, number(v, Math.abs(y1 - y0) < 10 ? 1 : 0))),
    years.map((year) => {
      const iso = `${year}-01-01`;
      if (dayNumber(iso) < x0 || dayNumber(iso) > x1) return null;
      return svg('text', { x: x(iso), y: H - PAD.bottom + 18, class: 'achsentext', 'text-anchor': 'middle' }, String(year));
    }),
    svg('line', { x1: PAD.left, x2: W - PAD.right, y1: y(indicator.target.value), y2: y(indicator.target.value), class: 'ziellinie' }),
    svg('text', { x: W - PAD.right, y: y(indicator.target.value) - 5, class: 'zieltext', 'text-anchor': 'end' }, `Ziel ${number(indicator.target.value)}${unit}`),
    points.length > 1 ? svg('polyline', { points: points.map((p) => `${x(p.on)},${y(p.value)}`).join(' '), class: 'messlinie' }) : null,
    points.map((p) =>
      svg('circle', { cx: x(p.on), cy: y(p.value), r: 4, class: p.kind === 'Ausgangswert' ? 'punkt-ausgang' : 'punkt' },
        svg('title', {}, `${p.kind} ${date(p.on)}: ${number(p.value)}${unit}`))),
  );
}

/** The chart's numbers as a table under it (folded away): baseline, every measurement, the target. */
export function indicatorTable(indicator) {
  const unit = indicator.unit ? ` ${indicator.unit}` : '';
  const rows = [
    ['Ausgangswert', indicator.baseline.on, indicator.baseline.value],
    ...indicator.measurements.map((m) => ['Messung', m.measuredOn, m.value]),
    ['Ziel (bis)', indicator.target.dueOn, indicator.target.value],
  ];
  return h('details', { class: 'als-tabelle' },
    h('summary', {}, 'Werte als Tabelle'),
    h('div', { class: 'tabelle-rahmen' },
      h('table', {},
        h('caption', {}, indicator.name),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Art'), h('th', { scope: 'col' }, 'Datum'), h('th', { scope: 'col', class: 'zahl' }, 'Wert'))),
        h('tbody', {}, rows.map(([kind, on, value]) => h('tr', {}, h('th', { scope: 'row' }, kind), h('td', {}, date(on)), h('td', { class: 'zahl' }, `${number(value)}${unit}`)))),
      ),
    ),
  );
}
