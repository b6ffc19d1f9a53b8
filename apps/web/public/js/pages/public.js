// "Was wurde aus …?": the published pages of a region, without login (#/oeffentlich/<region>[/konferenz/<id>|/empfehlung/<id>]).
import { date } from '../format.js';
import { empty, h, show } from '../dom.js';
import { indicatorChart, indicatorTable } from '../chart.js';
import { HANDOFF_STATE, LIFECYCLE, STATUS, label } from '../labels.js';
import { lifecycleBadge, table } from '../ui.js';

/** Public answers are the same for everyone: fetched without the token, so any cache may keep them. */
async function publicGet(path) {
  let response;
  try {
    response = await fetch(`/api/public${path}`, { headers: { Accept: 'application/json' } });
  } catch {
    throw new Error('Der Server ist nicht erreichbar. Bitte die Verbindung prüfen und erneut versuchen.');
  }
  if (response.status === 404) throw new Error('Diese Seite gibt es nicht, oder die Bildungsregion zeigt keine öffentlichen Ansichten.');
  if (!response.ok) throw new Error('Die Seite konnte nicht geladen werden. Bitte später erneut versuchen.');
  return response.json();
}

/** The public address of a page (also printed on the report). */
export const publicLink = (regionId, kind, id) => `#/oeffentlich/${encodeURIComponent(regionId)}${kind ? `/${kind}/${encodeURIComponent(id)}` : ''}`;

function parts() {
  const [, regionId = '', kind, id] = location.hash.replace(/^#\/?/, '').split('?')[0].split('/').map(decodeURIComponent);
  return { regionId, kind, id };
}

export async function renderPublic(main, ctx) {
  const { regionId, kind, id } = parts();
  document.getElementById('region').textContent = '· Öffentliche Ansicht';
  try {
    if (kind === 'konferenz') await conferencePage(main, ctx, regionId, id);
    else if (kind === 'empfehlung') await recommendationPage(main, ctx, regionId, id);
    else await regionPage(main, ctx, regionId);
  } catch (error) {
    if (ctx.stale()) return;
    document.title = 'Nicht gefunden – Empfehlungsradar';
    show(main,
      h('h1', {}, 'Was wurde aus …?'),
      h('div', { class: 'fehler', role: 'alert' }, h('p', {}, error.message)),
      footer(),
    );
  }
}

const footer = (asOf) =>
  h('p', { class: 'hinweis oeffentlich-fuss' },
    asOf ? `Stand: ${date(asOf)}. ` : '',
    'Öffentliche Ansicht ohne Anmeldung: nur Beschlüsse und Stände öffentlicher Gremien, keine Personen. ',
    h('a', { href: '#/anmeldung' }, 'Anmeldung für Beteiligte'),
  );

const crumbs = (...items) => h('p', { class: 'brotkrumen' }, items.flatMap((item, i) => (i ? [' › ', item] : [item])));

async function regionPage(main, ctx, regionId) {
  const answer = await publicGet(`/regions/${encodeURIComponent(regionId)}`);
  if (ctx.stale()) return;
  document.title = `Was wurde aus den Empfehlungen? – ${answer.region}`;
  document.getElementById('region').textContent = `· ${answer.region}`;
  show(main,
    h('h1', {}, 'Was wurde aus den Empfehlungen der Bildungskonferenz?'),
    h('p', { class: 'einleitung' }, `${answer.region}: jede Bildungskonferenz mit ihren Empfehlungen – wem sie übergeben wurden, wie weit die Umsetzung ist und ob sie wirkt.`),
    table(null, ['Konferenz', 'Datum', 'Empfehlungen'],
      answer.conferences.map((c) => [
        h('a', { href: publicLink(regionId, 'konferenz', c.conferenceId) }, c.label),
        date(c.heldOn ?? c.date),
        String(c.recommendationCount),
      ]),
      { emptyText: 'Noch keine Bildungskonferenz erfasst.', className: 'oeffentlich-liste' }),
    footer(answer.asOf),
  );
}

async function conferencePage(main, ctx, regionId, conferenceId) {
  const answer = await publicGet(`/regions/${encodeURIComponent(regionId)}/conferences/${encodeURIComponent(conferenceId)}`);
  if (ctx.stale()) return;
  const c = answer.conference;
  document.title = `Was wurde aus den Empfehlungen der ${c.label}? – ${answer.region}`;
  document.getElementById('region').textContent = `· ${answer.region}`;
  const counts = new Map();
  for (const r of answer.recommendations) counts.set(r.lifecycle, (counts.get(r.lifecycle) ?? 0) + 1);
  show(main,
    crumbs(h('a', { href: publicLink(regionId) }, 'Alle Konferenzen'), c.label),
    h('h1', {}, `Was wurde aus den Empfehlungen der ${c.label}?`),
    h('p', { class: 'einleitung' }, `„${c.title}“, ${date(c.heldOn ?? c.date)}: ${answer.recommendations.length} Empfehlungen.`),
    counts.size ? h('ul', { class: 'zaehler zaehler-zeile' }, [...counts].map(([state, n]) => h('li', {}, h('span', { class: 'zahl' }, String(n)), ` ${label(LIFECYCLE, state)}`))) : null,
    answer.recommendations.length === 0 ? empty('Von dieser Konferenz sind noch keine Empfehlungen erfasst.') :
      table(null, ['Nummer', 'Empfehlung', 'Stand', 'Zuständig'],
        answer.recommendations.map((r) => [
          h('a', { href: publicLink(regionId, 'empfehlung', r.recommendationId) }, r.reference),
          r.title,
          lifecycleBadge(r.lifecycle, r.stalled),
          r.committees.join(', ') || '–',
        ]),
        { className: 'oeffentlich-liste' }),
    footer(answer.asOf),
  );
}

async function recommendationPage(main, ctx, regionId, recommendationId) {
  const answer = await publicGet(`/regions/${encodeURIComponent(regionId)}/recommendations/${encodeURIComponent(recommendationId)}`);
  if (ctx.stale()) return;
  const r = answer.recommendation;
  document.title = `Was wurde aus „${r.title}“? – ${answer.region}`;
  document.getElementById('region').textContent = `· ${answer.region}`;
  show(main,
    crumbs(h('a', { href: publicLink(regionId) }, 'Alle Konferenzen'), h('a', { href: publicLink(regionId, 'konferenz', r.conferenceId) }, r.conference), r.reference),
    h('h1', {}, `Was wurde aus „${r.title}“?`),
    h('dl', { class: 'eckdaten' },
      entry('Stand', lifecycleBadge(r.lifecycle, r.stalled)),
      entry('Beschlossen', `${date(r.adoptedOn)} von der ${r.conference} (${r.reference})`),
      entry('Zuständig', r.committees.join(', ') || '–'),
      r.implementedOn ? entry('Umgesetzt am', date(r.implementedOn)) : null,
      r.partiallyImplementedOn ? entry('Teilweise umgesetzt am', date(r.partiallyImplementedOn)) : null,
      r.withdrawnOn ? entry('Zurückgenommen am', date(r.withdrawnOn)) : null,
      r.supersededOn ? entry('Ersetzt am', date(r.supersededOn)) : null,
      entry('Handlungsfelder', r.fieldsOfAction.join(', ') || '–'),
    ),
    h('h2', {}, 'Wortlaut'),
    h('blockquote', { class: 'wortlaut' }, r.text),
    h('h2', {}, 'Aufträge an Gremien'),
    table(null, ['Gremium', 'Übergeben am', 'Antwort', 'Letzter gemeldeter Stand'],
      answer.assignments.map((a) => [
        a.committee,
        date(a.decidedOn),
        `${label(HANDOFF_STATE, a.state)}${a.answeredOn ? ` am ${date(a.answeredOn)}` : ''}`,
        a.lastStatus ? `${label(STATUS, a.lastStatus)} (${date(a.lastReportedOn)})` : 'noch keiner',
      ]),
      { emptyText: 'Noch an kein Gremium übergeben.' }),
    answer.indicators.length ? [
      h('h2', {}, 'Wirkung'),
      answer.indicators.map((i) => h('figure', { class: 'indikator' }, h('figcaption', {}, h('strong', {}, i.name), ` (${i.unit})`), indicatorChart(i), indicatorTable(i))),
    ] : null,
    h('h2', {}, 'Verlauf'),
    h('ol', { class: 'verlauf' }, answer.timeline.map((e) =>
      h('li', { class: 'verlauf-eintrag' }, h('div', {}, h('p', { class: 'verlauf-datum' }, h('time', { datetime: e.date }, date(e.date))), h('p', { class: 'verlauf-satz' }, e.text))))),
    footer(answer.asOf),
  );
}

const entry = (term, value) => h('div', {}, h('dt', {}, term), h('dd', {}, value));
