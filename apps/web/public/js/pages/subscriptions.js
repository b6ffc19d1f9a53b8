// Meine Abonnements: what this account follows by mail, each with "Abbestellen".
import { api } from '../api.js';
import { instant } from '../format.js';
import { h, show } from '../dom.js';
import { FOLLOW_MODE } from '../follow.js';
import { errorBox, table } from '../ui.js';

const KIND = { recommendation: 'Empfehlung', committee: 'Gremium', conference: 'Bildungskonferenz' };

export async function renderSubscriptions(main, ctx) {
  const { region, link } = ctx;
  document.title = 'Meine Abonnements – Empfehlungsradar';
  const path = `/regions/${region.regionId}/subscriptions`;
  const message = h('div', { class: 'formular-meldung', role: 'status' });
  const done = h('div', { role: 'status' });
  const list = h('div');

  async function load(note) {
    const { subscriptions } = await api.get(path);
    if (ctx.stale()) return;
    show(message);
    show(done, note ? h('p', { class: 'erfolg' }, note) : null);
    show(list, table(null, ['Art', 'Wem Sie folgen', 'Benachrichtigung', 'Seit', ''],
      subscriptions.map((s) => [
        KIND[s.targetType] ?? s.targetType,
        s.targetType === 'recommendation' ? h('a', { href: link('empfehlung', {}, s.targetId) }, s.targetName) : s.targetName,
        FOLLOW_MODE[s.mode] ?? s.mode,
        instant(s.createdAt),
        h('button', { type: 'button', class: 'knopf', 'aria-label': `${s.targetName} abbestellen`, onclick: async (event) => {
          event.currentTarget.disabled = true;
          try {
            await api.del(`${path}/${s.subscriptionId}`);
            await load(`Abbestellt: ${s.targetName}.`);
          } catch (error) {
            show(message, errorBox(error));
          }
        } }, 'Abbestellen'),
      ]),
      { emptyText: 'Sie folgen noch nichts. Folgen können Sie auf der Seite einer Empfehlung, in der Gremien-Scorecard und im Bericht an die Bildungskonferenz.', className: 'abonnements' }));
  }

  show(main,
    h('h1', {}, 'Meine Abonnements'),
    h('p', { class: 'einleitung' }, 'Worüber Sie per E-Mail benachrichtigt werden: bei jeder Änderung oder einmal am Tag als Zusammenfassung. Jede Mail enthält auch einen Link zum Abbestellen, der ohne Anmeldung funktioniert.'),
    message,
    done,
    list,
  );
  await load();
}
