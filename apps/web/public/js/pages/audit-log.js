// Prüfung › Ereignisprotokoll: every event of the region in commit order, filtered, page by page.
import { api } from '../api.js';
import { date, instant } from '../format.js';
import { h, show } from '../dom.js';
import { EVENT_TYPE, germanInstantInput, parseGermanInstant } from '../audit-labels.js';
import { label } from '../labels.js';
import { table } from '../ui.js';

const STREAMS = [
  ['', 'alle'],
  ['recommendation-', 'Empfehlungen'],
  ['conference-', 'Konferenzen'],
  ['committee-', 'Gremien'],
  ['region-', 'Bildungsregion'],
];

export async function render(body, ctx) {
  const { region, params, navigate, link } = ctx;
  const filter = {
    stream: params.get('stream') ?? '',
    type: params.get('typ') ?? '',
    recordedFrom: params.get('von') ?? '',
    recordedTo: params.get('bis') ?? '',
    actor: params.get('akteur') ?? '',
  };
  const cursor = params.get('cursor') ?? '';
  const answer = await api.get(`/regions/${region.regionId}/audit/events`, { ...filter, type: filter.type || undefined, cursor, limit: 50 });
  if (ctx.stale()) return;

  const known = STREAMS.some(([v]) => v === filter.stream);
  const stream = h('select', { id: 'protokoll-stream', name: 'stream' }, STREAMS.map(([v, t]) => h('option', { value: v, selected: v === filter.stream }, t)));
  const streamId = h('input', { type: 'text', id: 'protokoll-stream-id', name: 'streamId', value: known ? '' : filter.stream, placeholder: 'z. B. recommendation-…', size: 30 });
  const type = h('select', { id: 'protokoll-typ', name: 'type' },
    h('option', { value: '' }, 'alle'),
    Object.entries(EVENT_TYPE).map(([v, t]) => h('option', { value: v, selected: v === filter.type }, t)));
  const from = h('input', { type: 'text', id: 'protokoll-von', name: 'recordedFrom', value: germanInstantInput(filter.recordedFrom), placeholder: 'TT.MM.JJJJ HH:MM', inputmode: 'numeric', 'aria-describedby': 'protokoll-zeit-hinweis protokoll-fehler' });
  const to = h('input', { type: 'text', id: 'protokoll-bis', name: 'recordedTo', value: germanInstantInput(filter.recordedTo), placeholder: 'TT.MM.JJJJ HH:MM', inputmode: 'numeric', 'aria-describedby': 'protokoll-zeit-hinweis protokoll-fehler' });
  const actor = h('input', { type: 'text', id: 'protokoll-akteur', name: 'actor', value: filter.actor, size: 18 });
  const error = h('p', { class: 'feld-fehler', id: 'protokoll-fehler', role: 'alert' });

  function submit(event) {
    event.preventDefault();
    const [f, t] = [parseGermanInstant(from.value), parseGermanInstant(to.value)];
    if (f === null || t === null) {
      error.textContent = 'Zeitpunkte bitte als TT.MM.JJJJ oder TT.MM.JJJJ HH:MM angeben, z. B. 14.09.2019 12:00.';
      (f === null ? from : to).focus();
      return;
    }
    navigate('pruefung', { teil: 'protokoll', stream: streamId.value.trim() || stream.value, typ: type.value, von: f, bis: t, akteur: actor.value.trim() });
  }

  const filtered = Object.values(filter).some(Boolean);
  show(body,
    h('h2', {}, 'Ereignisprotokoll'),
    h('form', { class: 'filter', role: 'search', 'aria-label': 'Ereignisse filtern', onsubmit: submit },
      h('div', { class: 'feld' }, h('label', { for: 'protokoll-stream' }, 'Bereich'), stream),
      h('div', { class: 'feld' }, h('label', { for: 'protokoll-stream-id' }, 'oder Stream-Kennung'), streamId),
      h('div', { class: 'feld' }, h('label', { for: 'protokoll-typ' }, 'Ereignis'), type),
      h('div', { class: 'feld' }, h('label', { for: 'protokoll-von' }, 'Erfasst ab'), from),
      h('div', { class: 'feld' }, h('label', { for: 'protokoll-bis' }, 'Erfasst vor'), to),
      h('div', { class: 'feld' }, h('label', { for: 'protokoll-akteur' }, 'Benutzerkennung'), actor),
      h('div', { class: 'knoepfe' },
        h('button', { type: 'submit', class: 'knopf' }, 'Filtern'),
        filtered ? h('a', { class: 'knopf-leise', href: link('pruefung', { teil: 'protokoll' }) }, 'Filter zurücksetzen') : null),
      h('p', { class: 'hinweis', id: 'protokoll-zeit-hinweis' }, 'Zeitpunkte in deutscher Zeit, „Erfasst vor“ ausschließlich.'),
      error,
    ),
    h('p', { class: 'ergebnis', role: 'status' }, `${answer.total} ${answer.total === 1 ? 'Ereignis' : 'Ereignisse'}${filtered ? ' (gefiltert)' : ''}${cursor ? ', weitere Seite' : ''}`),
    table(null, ['Position', 'Erfasst am', 'Stream', 'Ereignis', 'Geschäftsdatum', 'Wer', 'Was'],
      answer.items.map((e) => [
        e.position,
        instant(e.recordedAt),
        streamCell(e.streamId),
        label(EVENT_TYPE, e.type),
        date(e.businessDate),
        e.actor?.text ?? '–',
        e.description,
      ]),
      { emptyText: 'Kein Ereignis passt zu diesen Filtern.', className: 'protokoll' }),
    h('p', { class: 'seiten' },
      cursor ? h('a', { href: link('pruefung', { ...Object.fromEntries(params), cursor: undefined }) }, '« Zum Anfang') : null,
      answer.nextCursor ? h('a', { href: link('pruefung', { ...Object.fromEntries(params), cursor: answer.nextCursor }) }, 'Nächste Seite »') : null,
    ),
  );
}

const KIND = { recommendation: 'Empfehlung', conference: 'Konferenz', committee: 'Gremium', region: 'Region' };

/** "recommendation-93dcfa89-…" → "Empfehlung 93dcfa89…", the full id on hover and for screen readers. */
function streamCell(streamId) {
  const at = streamId.indexOf('-');
  const kind = KIND[streamId.slice(0, at)];
  if (!kind) return h('code', { class: 'stream' }, streamId);
  return h('span', { class: 'stream', title: streamId }, `${kind} `, h('code', {}, `${streamId.slice(at + 1, at + 9)}…`), h('span', { class: 'nur-vorlesen' }, streamId));
}
