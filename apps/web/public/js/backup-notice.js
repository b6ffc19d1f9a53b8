// A failed scheduled backup, shown to the Bildungsbüro above every page until a backup succeeds again.
import { api, onSessionExpired } from './api.js';
import { h } from './dom.js';
import { instant } from './format.js';

const ID = 'sicherung-hinweis';
const remove = () => document.getElementById(ID)?.remove();

// Gone with the session: the next login shows it again if it still applies.
onSessionExpired(remove);
document.getElementById('abmelden')?.addEventListener('click', remove);

export async function showBackupNotice(account) {
  remove();
  if (account?.role !== 'office') return;
  let status;
  try {
    status = await api.get('/backup/status');
  } catch {
    return; // the page itself reports an unreachable API
  }
  if (!status?.failure) return;
  const last = status.last ? `Letzte erfolgreiche Sicherung: ${instant(status.last.at)} (${Math.round(status.last.bytes / 1000).toLocaleString('de-DE')} kB).` : 'Es gibt noch keine erfolgreiche Sicherung.';
  const notice = h(
    'div',
    { id: ID, class: 'fehler', role: 'alert' },
    h('strong', {}, 'Sicherung fehlgeschlagen '),
    `(${instant(status.failure.at)}): ${status.failure.message} ${last} Bitte prüfen Sie den Speicherplatz und das Protokoll des Servers.`,
  );
  document.getElementById('inhalt').before(notice);
}
