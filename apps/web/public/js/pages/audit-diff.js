// Prüfung › Unterschied: a recommendation, committee or cohort at two points in time; the audit API computes the difference.
import { api } from '../api.js';
import { date, instant } from '../format.js';
import { empty, h, show } from '../dom.js';
import { allListItems, directory } from '../directory.js';
import { EVENT_TYPE, germanInstantInput, parseGermanDate, parseGermanInstant } from '../audit-labels.js';
import { LIFECYCLE, STATUS, label } from '../labels.js';
import { errorBox, table } from '../ui.js';

/** "recommendationId:<id>" → { recommendationId: id }; "cohort:conference:<id>" → { cohort: 'conference:<id>' }. */
function scopeQuery(value) {
  const at = value.indexOf(':');
  return at < 0 ? {} : { [value.slice(0, at)]: value.slice(at + 1) };
}

/** A state value in German where it is a known code (lifecycle, report status), else as it is. */
const shown = (path, value) => {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string' && /(^|\.)(lifecycle(\.state)?|state)$/.test(path) && LIFECYCLE[value]) return `${LIFECYCLE[value]} (${value})`;
  if (typeof value === 'string' && /(^|\.)(status|lastStatus)$/.test(path) && STATUS[value]) return `${STATUS[value]} (${value})`;
  if (typeof value === 'number') return new Intl.NumberFormat('de-DE', { maximumFractionDigits: 4 }).format(value);
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(value) ? date(value) : value;
  return JSON.stringify(value);
};

export async function render(body, ctx) {
  const { region, params, navigate } = ctx;
  const [names, recs] = await Promise.all([directory(region.regionId), allListItems(region.regionId)]);
  if (ctx.stale()) return;
  const chosen = params.get('bereich') ?? '';
  const select = h('select', { id: 'diff-bereich', name: 'scope', 'aria-describedby': 'diff-fehler' },
    h('option', { value: '' }, 'bitte wählen'),
    h('optgroup', { label: 'Empfehlung' }, recs.map((r) => h('option', { value: `recommendationId:${r.recommendationId}`, selected: chosen === `recommendationId:${r.recommendationId}` }, `${r.reference} ${r.title}`))),
    h('optgroup', { label: 'Kohorte (Konferenz)' }, names.conferences.map((c) => h('option', { value: `cohort:conference:${c.id}`, selected: chosen === `cohort:conference:${c.id}` }, c.label))),
    h('optgroup', { label: 'Gremium' }, names.committees.map((c) => h('option', { value: `committeeId:${c.id}`, selected: chosen === `committeeId:${c.id}` }, c.name))),
  );
  const point = (prefix, legend, hint) => {
    const asOf = h('input', { type: 'text', id: `${prefix}-stand`, name: `${prefix}AsOf`, value: params.get(`${prefix}Stand`) ? date(params.get(`${prefix}Stand`)) : '', placeholder: 'TT.MM.JJJJ', inputmode: 'numeric' });
    const knownAt = h('input', { type: 'text', id: `${prefix}-erfasst`, name: `${prefix}KnownAt`, value: germanInstantInput(params.get(`${prefix}Erfasst`)), placeholder: 'TT.MM.JJJJ HH:MM:SS', inputmode: 'numeric' });
    return {
      asOf,
      knownAt,
      node: h('fieldset', { class: 'zeitpunkt' },
        h('legend', {}, legend),
        h('div', { class: 'feld' }, h('label', { for: `${prefix}-stand` }, 'Stand am'), asOf),
        h('div', { class: 'feld' }, h('label', { for: `${prefix}-erfasst` }, 'Erfasst bis'), knownAt),
        h('p', { class: 'hinweis' }, hint)),
    };
  };
  const before = point('vorher', 'Vorher', 'Mindestens eines von beiden.');
  const after = point('nachher', 'Nachher', 'Leer: heute und alles Erfasste.');
  const error = h('p', { class: 'feld-fehler', id: 'diff-fehler', role: 'alert' });
  const result = h('div', { class: 'diff-ergebnis', 'aria-live': 'polite' });

  function submit(event) {
    event.preventDefault();
    const values = [parseGermanDate(before.asOf.value), parseGermanInstant(before.knownAt.value), parseGermanDate(after.asOf.value), parseGermanInstant(after.knownAt.value)];
    if (!select.value) return void (error.textContent = 'Bitte eine Empfehlung, eine Kohorte oder ein Gremium wählen.');
    if (values.includes(null)) return void (error.textContent = 'Daten bitte als TT.MM.JJJJ angeben, Erfassungszeitpunkte als TT.MM.JJJJ HH:MM:SS.');
    if (!values[0] && !values[1]) return void (error.textContent = 'Vorher: „Stand am“ oder „Erfasst bis“ angeben.');
    navigate('pruefung', { teil: 'unterschied', bereich: select.value, vorherStand: values[0], vorherErfasst: values[1], nachherStand: values[2], nachherErfasst: values[3] });
  }

  show(body,
    h('h2', {}, 'Unterschied zweier Zeitpunkte'),
    h('p', { class: 'hinweis' }, '„Stand am“ ist die Geschäftszeit (was bis zu diesem Tag geschehen war), „Erfasst bis“ die Erfassungszeit (was das System zu diesem Zeitpunkt wusste).'),
    h('form', { class: 'formular formular-breit', 'aria-label': 'Zeitpunkte vergleichen', onsubmit: submit },
      h('div', { class: 'feld' }, h('label', { for: 'diff-bereich' }, 'Was vergleichen?'), select),
      h('div', { class: 'zeitpunkte' }, before.node, after.node),
      error,
      h('div', { class: 'knoepfe' }, h('button', { type: 'submit', class: 'knopf' }, 'Vergleichen')),
    ),
    result,
  );

  if (!chosen || !(params.get('vorherStand') || params.get('vorherErfasst'))) return;
  try {
    const diff = await api.get(`/regions/${region.regionId}/audit/diff`, {
      ...scopeQuery(chosen),
      fromAsOf: params.get('vorherStand'),
      fromKnownAt: params.get('vorherErfasst'),
      toAsOf: params.get('nachherStand'),
      toKnownAt: params.get('nachherErfasst'),
    });
    if (ctx.stale()) return;
    show(result, diffView(diff));
  } catch (e) {
    if (!ctx.stale()) show(result, errorBox(e));
  }
}

const pointText = (p) => `Stand ${date(p.asOf)}${p.knownAt ? `, erfasst bis ${instant(p.knownAt)}` : ', alles Erfasste'}`;

function diffView(diff) {
  const events = (list) => table(null, ['Geschäftsdatum', 'Erfasst am', 'Ereignis', 'Was', 'Wer'],
    list.map((e) => [date(e.businessDate), instant(e.recordedAt), label(EVENT_TYPE, e.type), e.description, e.actor?.text ?? '–']),
    { emptyText: 'Keine.' });
  return [
    h('h3', {}, 'Ergebnis'),
    h('p', { class: 'diff-zusammenfassung' },
      `Vorher: ${pointText(diff.from)}. Nachher: ${pointText(diff.to)}. `,
      h('strong', {}, `${diff.events.appeared.length} Ereignisse hinzugekommen, ${diff.events.disappeared.length} weggefallen, ${diff.changes.length} Abweichungen.`)),
    h('h4', {}, 'Abweichungen im abgeleiteten Zustand'),
    diff.changes.length === 0 ? empty('Der abgeleitete Zustand ist zu beiden Zeitpunkten gleich.') :
      table(null, ['Feld', 'Vorher', 'Nachher'], diff.changes.map((c) => [h('code', {}, c.path), shown(c.path, c.before), shown(c.path, c.after)]), { className: 'abweichungen' }),
    h('h4', {}, 'Hinzugekommene Ereignisse'),
    events(diff.events.appeared),
    diff.events.disappeared.length ? [h('h4', {}, 'Weggefallene Ereignisse'), events(diff.events.disappeared)] : null,
  ];
}
