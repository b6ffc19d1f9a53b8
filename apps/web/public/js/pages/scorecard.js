// Gremien-Scorecard: per committee its hand-offs, answers, reports, implementation; overdue reports by name.
import { api } from '../api.js';
import { date, number, percent } from '../format.js';
import { empty, h, show } from '../dom.js';
import { directory } from '../directory.js';
import { asOfLine, table, viewControls, viewQuery } from '../ui.js';

export async function renderScorecard(main, ctx) {
  const { region, link } = ctx;
  document.title = 'Gremien-Scorecard – Empfehlungsradar';
  const [names, answer] = await Promise.all([
    directory(region.regionId),
    api.get(`/regions/${region.regionId}/views/committee-scorecard`, viewQuery(ctx.params)),
  ]);
  if (ctx.stale()) return;
  const committees = (answer.committees ?? []).filter((c) => c.handOffs > 0 || (c.overdueReports ?? []).length > 0);
  const share = (f) => h('span', { title: f?.denominator ? `${number(f.numerator)} von ${number(f.denominator, 0)}` : 'keine Grundlage' }, percent(f?.value));
  const overdue = committees.filter((c) => c.overdueReports.length > 0);
  show(main,
    h('h1', {}, 'Gremien-Scorecard'),
    h('p', { class: 'einleitung' }, 'Wie die Gremien mit den übergebenen Empfehlungen umgehen: ob sie antworten, berichten und umsetzen.'),
    viewControls(ctx, 'gremien', names.conferences),
    asOfLine(answer),
    h('section', { class: 'abschnitt', 'aria-labelledby': 'scorecard-titel' },
      h('h2', { id: 'scorecard-titel' }, 'Gremien mit Übergaben'),
      table(null,
        ['Gremium', 'Übergaben', 'Antwortquote', 'Berichtstreue', 'Umgesetzt', 'Teilweise umgesetzt', 'Tage bis Übergabe (Median)', 'Monate bis Umsetzung (Median)', 'Überfällige Berichte'],
        committees.map((c) => [
          c.name,
          h('span', { class: 'zahl' }, number(c.handOffs, 0)),
          share(c.responseRate),
          share(c.reportingCompliance),
          share(c.implementationRate),
          share(c.partialImplementationRate),
          number(c.medianDaysToHandOff?.value, 0),
          number(c.medianMonthsToImplementation?.value, 1),
          c.overdueReports.length ? h('span', { class: 'ueberfaellig' }, String(c.overdueReports.length)) : '0',
        ]),
        { emptyText: 'Noch keine Übergaben an Gremien.', className: 'scorecard' }),
      h('p', { class: 'hinweis' }, 'Antwortquote: Übergaben, die innerhalb der Frist angenommen oder abgelehnt wurden. Berichtstreue: angenommene Aufträge ohne überfälligen Bericht. Tage und Monate: Median, gerechnet ab dem Beschluss der Empfehlung.'),
    ),
    h('section', { class: 'abschnitt', 'aria-labelledby': 'ueberfaellig-titel' },
      h('h2', { id: 'ueberfaellig-titel' }, 'Überfällige Berichte'),
      overdue.length === 0 ? empty('Kein Bericht ist überfällig.') : h('ul', { class: 'ueberfaellig-liste' },
        overdue.map((c) => h('li', {},
          h('h3', {}, c.name),
          h('ul', {}, c.overdueReports.map((o) => h('li', {},
            h('a', { href: link('empfehlung', {}, o.recommendationId) }, o.reference), ` ${o.title} – fällig am ${date(o.dueOn)} (${number(o.daysOverdue, 0)} Tage überfällig)`))),
        ))),
    ),
  );
}
