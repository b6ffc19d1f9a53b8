// Prüfung › Integritätsprüfung: every hash chain recomputed, the read models compared with a fresh replay.
import { api } from '../api.js';
import { instant } from '../format.js';
import { h, show } from '../dom.js';
import { errorBox } from '../ui.js';

const PROJECTIONS = {
  match: 'Lesemodelle stimmen mit einer frischen Wiedergabe überein',
  drift: 'Lesemodelle weichen ab',
  'not-maintained': 'Lesemodelle werden hier nicht geführt (alle Ansichten werden aus dem Protokoll berechnet)',
  behind: 'Lesemodelle holen noch auf; nicht verglichen',
};

export async function render(body, ctx) {
  const result = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'knopf', onclick: run }, 'Prüfung starten');

  async function run() {
    button.disabled = true;
    show(result, h('p', { class: 'laedt', role: 'status' }, 'Hash-Ketten werden neu berechnet und die Lesemodelle neu aufgebaut … (Sekunden bis Minuten)'));
    try {
      const report = await api.get(`/regions/${ctx.region.regionId}/audit/verify`);
      if (ctx.stale()) return;
      show(result, reportView(report));
    } catch (error) {
      if (!ctx.stale()) show(result, errorBox(error, run));
    } finally {
      button.disabled = false;
    }
  }

  show(body,
    h('h2', {}, 'Integritätsprüfung'),
    h('p', {}, 'Berechnet jede Hash-Kette der Bildungsregion aus den gespeicherten Ereignissen neu und vergleicht jede Zeile der Lesemodelle mit einer frischen Wiedergabe des Protokolls. Eine nachträgliche Änderung an einem Ereignis bricht die Kette an genau dieser Stelle.'),
    h('div', { class: 'knoepfe' }, button),
    result,
  );
}

function reportView(r) {
  const broken = r.chains.firstBroken;
  return h('div', { class: r.ok ? 'erfolg pruef-ergebnis' : 'fehler pruef-ergebnis', role: 'status', 'data-ok': String(r.ok) },
    h('p', {}, h('strong', {}, r.ok ? 'In Ordnung. ' : 'Nicht in Ordnung. '), r.message),
    h('dl', { class: 'eckdaten' },
      h('div', {}, h('dt', {}, 'Hash-Ketten'), h('dd', {}, `${r.chains.ok ? 'unversehrt' : 'gebrochen'}: ${r.chains.streams} Streams, ${r.chains.events} Ereignisse`)),
      h('div', {}, h('dt', {}, 'Lesemodelle'), h('dd', {}, PROJECTIONS[r.projections.status] ?? r.projections.status)),
      h('div', {}, h('dt', {}, 'Geprüft am'), h('dd', {}, instant(r.checkedAt))),
    ),
    broken ? h('p', {}, `Erstes gebrochenes Ereignis: ${broken.streamId}, Revision ${broken.revision}, Position ${broken.position} (Ereignis ${broken.eventId}).`) : null,
    r.projections.status === 'drift' ? h('p', {}, `Erste abweichende Zeile: Tabelle ${r.projections.firstDrift.table}.`) : null,
  );
}
