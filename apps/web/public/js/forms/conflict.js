// After a 412: what others recorded on the recommendation since the revision the form showed,
// from the audit history (each entry with its German description and what it changed).
import { api } from '../api.js';
import { h } from '../dom.js';
import { ROLE, label } from '../labels.js';
import { showInstant } from './dates.js';

export async function changesSince(regionId, recommendationId, revision) {
  const history = await api.get(`/regions/${regionId}/recommendations/${recommendationId}/history`);
  return (history.entries ?? []).filter((e) => Number(e.revision) > revision);
}

/** The notice a form shows: who changed what since, and a way to send the typed values again. */
export function conflictNotice(entries, { resend }) {
  return h('div', { class: 'konflikt', role: 'alert' },
    h('p', {}, h('strong', {}, 'Jemand anderes hat diese Empfehlung inzwischen geändert. '),
      'Ihre Eingaben sind noch da und wurden nicht gespeichert. Bitte prüfen Sie, ob sie zum neuen Stand passen.'),
    entries.length === 0 ? h('p', {}, 'Die Änderung ist noch nicht im Verlauf sichtbar.') : h('h3', {}, 'Seitdem erfasst'),
    entries.length === 0 ? null : h('ul', { class: 'konflikt-liste' }, entries.map((e) => h('li', {},
      h('p', {}, e.description),
      e.changed?.length ? h('ul', { class: 'schlicht' }, e.changed.map((c) => h('li', {}, c))) : null,
      h('p', { class: 'verlauf-wer' }, `Erfasst am ${showInstant(e.recordedAt)} von ${e.actor ? label(ROLE, e.actor.role) : 'unbekannt'}`),
    ))),
    h('button', { type: 'button', class: 'knopf', onclick: resend }, 'Meine Eingaben auf dem neuen Stand speichern'),
  );
}
