// Wirkung: every indicator with baseline, target and measurements, a line each.
import { api } from '../api.js';
import { date, number, percent } from '../format.js';
import { empty, h, show } from '../dom.js';
import { directory } from '../directory.js';
import { indicatorChart, indicatorTable } from '../chart.js';
import { DIRECTION, label } from '../labels.js';
import { asOfLine, figureCards, viewControls, viewQuery } from '../ui.js';

export async function renderImpact(main, ctx) {
  const { region, link } = ctx;
  document.title = 'Wirkung – Empfehlungsradar';
  const [names, answer] = await Promise.all([
    directory(region.regionId),
    api.get(`/regions/${region.regionId}/views/impact-board`, viewQuery(ctx.params)),
  ]);
  if (ctx.stale()) return;
  const indicators = answer.indicators ?? [];
  show(main,
    h('h1', {}, 'Wirkung'),
    h('p', { class: 'einleitung' }, 'Woran die Gremien die Wirkung ihrer Umsetzung messen: Ausgangswert, Ziel und Messungen je Indikator.'),
    viewControls(ctx, 'wirkung', names.conferences),
    asOfLine(answer),
    figureCards({ impactCoverage: answer.impactCoverage, indicatorAttainment: answer.indicatorAttainment }, undefined, ['impactCoverage', 'indicatorAttainment']),
    h('section', { class: 'abschnitt', 'aria-labelledby': 'indikatoren-titel' },
      h('h2', { id: 'indikatoren-titel' }, `Indikatoren (${indicators.length})`),
      indicators.length === 0 ? empty('Noch keine Wirkungsindikatoren festgelegt.') : h('div', { class: 'indikatoren' },
        indicators.map((i) => h('figure', { class: 'indikator' },
          h('figcaption', {},
            h('strong', {}, i.name),
            h('br'),
            h('a', { href: link('empfehlung', {}, i.recommendationId) }, i.reference), ` ${i.title}`,
            h('br'),
            h('span', { class: 'klein' }, `${i.committee} · ${label(DIRECTION, i.direction)}${i.retired ? ' · nicht mehr erhoben' : ''}`),
          ),
          indicatorChart(i),
          indicatorTable(i),
          h('p', { class: 'klein' },
            `Ausgangswert ${number(i.baseline.value)} ${i.unit} (${date(i.baseline.on)}) · Ziel ${number(i.target.value)} ${i.unit} bis ${date(i.target.dueOn)} · `,
            i.measurements.length ? `zuletzt ${number(i.measurements.at(-1).value)} ${i.unit} (${date(i.measurements.at(-1).measuredOn)})` : 'noch keine Messung',
            i.score !== null && i.score !== undefined ? ` · Zielerreichung ${percent(i.score)}` : ''),
        ))),
    ),
  );
}
