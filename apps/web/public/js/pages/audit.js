// Prüfung (auditors and the office): the event log, the difference between two points in time,
// the integrity check and the export with its manifest; each part its own module, loaded when shown.
import { h, show } from '../dom.js';

const PARTS = [
  { key: 'protokoll', title: 'Ereignisprotokoll', load: () => import('./audit-log.js') },
  { key: 'unterschied', title: 'Unterschied zweier Zeitpunkte', load: () => import('./audit-diff.js') },
  { key: 'integritaet', title: 'Integritätsprüfung', load: () => import('./audit-verify.js') },
  { key: 'ausfuhr', title: 'Ausfuhr mit Manifest', load: () => import('./audit-export.js') },
];

export async function renderAudit(main, ctx) {
  document.title = 'Prüfung – Empfehlungsradar';
  if (!['auditor', 'office'].includes(ctx.account.role)) {
    show(main, h('h1', {}, 'Prüfung'), h('p', { class: 'fehler', role: 'alert' }, 'Die Prüfansichten sind der Prüfung und dem Regionalen Bildungsbüro vorbehalten.'));
    return;
  }
  const part = PARTS.find((p) => p.key === ctx.params.get('teil')) ?? PARTS[0];
  const body = h('div', { class: 'pruef-teil' });
  show(main,
    h('h1', {}, 'Prüfung'),
    h('p', { class: 'einleitung' }, 'Alles wird aus dem unveränderlichen Ereignisprotokoll gelesen, nicht aus den Lesemodellen: was wann von wem erfasst wurde, wie es zu zwei Zeitpunkten stand und ob seither etwas verändert wurde.'),
    h('nav', { class: 'unternavigation', 'aria-label': 'Prüfung' },
      h('ul', {}, PARTS.map((p) => h('li', {}, h('a', { href: ctx.link('pruefung', { teil: p.key }), 'aria-current': p === part ? 'page' : undefined }, p.title))))),
    body,
  );
  const module = await part.load();
  if (ctx.stale()) return;
  await module.render(body, ctx);
}
