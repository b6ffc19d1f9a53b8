import { germanDate } from '@app/figures';
import { FIGURE_NAMES, type FigureName } from '../shared/figure-values';
import type { ConferenceReportResult } from './conference-report.query';

/** German labels of the figures for the printed page. */
const FIGURE_LABEL: Record<FigureName, string> = {
  handoffRate: 'Übergabequote',
  medianDaysToHandOff: 'Median Tage bis Übergabe',
  responseRate: 'Antwortquote der Gremien',
  reportingCompliance: 'Berichtstreue',
  implementationRate: 'Umsetzungsquote',
  partialImplementationRate: 'Teilumsetzungsquote',
  medianMonthsToImplementation: 'Median Monate bis Umsetzung',
  impactCoverage: 'Wirkung gemessen',
  indicatorAttainment: 'Zielerreichung der Indikatoren',
  sustainabilityRate: 'Nachhaltig',
  lapseRate: 'Entfallen',
  unreviewedRate: 'Nicht geprüft',
  anchoredRate: 'Verankert (Haushalt, Regelstruktur)',
  stallRate: 'Stockend',
  loopClosureRate: 'Ergebnis an Konferenz berichtet',
  verifiedImplementationRate: 'Umsetzung bestätigt (Lenkungskreis)',
  unverifiedClaimRate: 'Umsetzungsmeldungen ohne Prüfung',
  dueDateRevisionRate: 'Berichtsfristen verlängert',
};

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const percent = new Intl.NumberFormat('de-DE', { style: 'percent', maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

function shown(name: FigureName, f: ConferenceReportResult['figures'][FigureName]): string {
  if (f.value === null) return '–';
  if (name.startsWith('median')) return decimal.format(f.value);
  const share = name === 'indicatorAttainment' ? percent.format(f.value) : `${percent.format(f.value)} (${f.numerator} von ${f.denominator})`;
  return share;
}

const list = (title: string, items: string[]) =>
  items.length ? `<h2>${escape(title)}</h2><ul>${items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>` : '';

/** The printable page (view 7): plain HTML with print styles, no script, every value escaped. */
export function conferenceReportHtml(r: ConferenceReportResult): string {
  const rows = FIGURE_NAMES.map((name) => `<tr><th>${escape(FIGURE_LABEL[name])}</th><td>${escape(shown(name, r.figures[name]))}</td></tr>`).join('');
  const stages = r.funnel.map((s) => `<tr><th>${escape(s.stage)}</th><td>${s.count}</td><td>${s.share === null ? '–' : percent.format(s.share)}</td></tr>`).join('');
  const known = r.knownAt ? `, Kenntnisstand ${escape(r.knownAt)}` : '';
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Bericht an die ${escape(r.conference.label)}</title>
<style>body{font-family:sans-serif;max-width:48em;margin:2em auto}table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #ccc;padding:.2em .5em;text-align:left}@media print{body{margin:0}}</style></head>
<body><h1>Bericht an die ${escape(r.conference.label)}</h1>
<p>${escape(r.region)} · ${escape(r.conference.title)} · Stand ${escape(germanDate(r.asOf))}${known}</p>
<h2>Kennzahlen</h2><table>${rows}</table>
<h2>Trichter</h2><table>${stages}</table>
${list('Überfällige Berichte', r.overdueReports.map((o) => `${o.reference} ${o.title} – ${o.committee}, fällig seit ${o.dueOn ? germanDate(o.dueOn) : '–'}`))}
${list('Stockende Empfehlungen', r.stalled.map((s) => `${s.reference} ${s.title} – letztes Ereignis ${germanDate(s.lastEventOn)}`))}
${list('Fällig zur Nachhaltigkeitsprüfung, nicht geprüft', r.dueNotReviewed.map((d) => `${d.reference} ${d.title} – umgesetzt ${germanDate(d.implementedOn)}`))}
</body></html>`;
}
