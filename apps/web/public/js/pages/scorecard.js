// Gremien-Scorecard: per committee its hand-offs, answers, reports, implementation; overdue reports by name.
import { api } from '../api.js';
import { date, number, percent } from '../format.js';
import { empty, h, show } from '../dom.js';
import { directory } from '../directory.js';
import { shareColour, shareLegend, sortableTable } from '../charts.js';
import { asOfLine, viewControls, viewQuery } from '../ui.js';
import { followPicker } from '../follow.js';

export async function renderScorecard(main, ctx) {
  const { region, link } = ctx;
  document.title = 'Gremien-Scorecard – Empfehlungsradar';
  const [names, answer] = await Promise.all([
    directory(region.regionId),
    api.get(`/regions/${region.regionId}/views/committee-scorecard`, viewQuery(ctx.params)),
  ]);
  if (ctx.stale()) return;
  const committees = (answer.committees ?? []).filter((c) => c.handOffs > 0 || (c.overdueReports ?? []).length > 0);
  const overdue = committees.filter((c) => c.overdueReports.length > 0);
  show(main,
    h('h1', {}, 'Gremien-Scorecard'),
    h('p', { class: 'einleitung' }, 'Wie die Gremien mit den übergebenen Empfehlungen umgehen: ob sie antworten, berichten und umsetzen.'),
    viewControls(ctx, 'gremien', names.conferences),
    asOfLine(answer),
    h('section', { class: 'abschnitt', 'aria-labelledby': 'scorecard-titel' },
      h('h2', { id: 'scorecard-titel' }, 'Gremien mit Übergaben'),
      committees.length === 0 ? empty('Noch keine Übergaben an Gremien.') : [
        shareLegend(),
        sortableTable('Zum Sortieren auf eine Spaltenüberschrift klicken', [
          { title: 'Gremium', value: (c) => c.name },
          { title: 'Übergaben', value: (c) => c.handOffs, cell: (c) => number(c.handOffs, 0), numeric: true },
          shareColumn('Antwortquote', (c) => c.responseRate),
          shareColumn('Berichtstreue', (c) => c.reportingCompliance),
          shareColumn('Umgesetzt', (c) => c.implementationRate),
          shareColumn('Teilweise umgesetzt', (c) => c.partialImplementationRate),
          { title: 'Tage bis Übergabe (Median)', value: (c) => c.medianDaysToHandOff?.value ?? null, cell: (c) => number(c.medianDaysToHandOff?.value, 0), numeric: true },
          { title: 'Monate bis Umsetzung (Median)', value: (c) => c.medianMonthsToImplementation?.value ?? null, cell: (c) => number(c.medianMonthsToImplementation?.value, 1), numeric: true },
          shareColumn('Meldungen ohne Prüfung', (c) => c.unverifiedClaimRate),
          shareColumn('Fristen verlängert', (c) => c.dueDateRevisionRate),
          { title: 'Überfällige Berichte', value: (c) => c.overdueReports.length, cell: (c) => (c.overdueReports.length ? h('span', { class: 'ueberfaellig' }, String(c.overdueReports.length)) : '0'), numeric: true },
        ], committees, { className: 'scorecard' }),
      ],
      h('p', { class: 'hinweis' }, 'Antwortquote: Übergaben, die innerhalb der Frist angenommen oder abgelehnt wurden. Berichtstreue: angenommene Aufträge ohne überfälligen Bericht. Meldungen ohne Prüfung: Meldungen „(teilweise) umgesetzt“, mindestens 60 Tage alt, vom Lenkungskreis nicht bestätigt. Fristen verlängert: angenommene Aufträge mit mindestens einer verlängerten Berichtsfrist. Tage und Monate: Median, gerechnet ab dem Beschluss der Empfehlung.'),
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
    names.committees.length ? followPicker(ctx, { targetType: 'committee', title: 'Einem Gremium folgen', fieldLabel: 'Folgen: Gremium', options: names.committees.map((c) => ({ id: c.id, label: c.name })) }) : null,
  );
}

/** A share column: its value coloured on the scale, the base ("3 von 4") as the cell's tooltip. */
function shareColumn(title, figure) {
  return {
    title,
    numeric: true,
    value: (c) => figure(c)?.value ?? null,
    colour: (c) => shareColour(figure(c)?.value),
    cell: (c) => {
      const f = figure(c);
      return h('span', { title: f?.denominator ? `${number(f.numerator)} von ${number(f.denominator, 0)}` : 'keine Grundlage' }, percent(f?.value));
    },
  };
}
