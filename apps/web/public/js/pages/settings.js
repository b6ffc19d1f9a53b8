// Einstellungen (Bildungsbüro): whether the region publishes "Was wurde aus …?" without login.
import { api } from '../api.js';
import { h, show } from '../dom.js';
import { errorBox } from '../ui.js';
import { publicLink } from './public.js';

export async function renderSettings(main, ctx) {
  const { region, account } = ctx;
  document.title = 'Einstellungen – Empfehlungsradar';
  if (account.role !== 'office') {
    show(main, h('h1', {}, 'Einstellungen'), h('p', { class: 'fehler', role: 'alert' }, 'Die Einstellungen der Bildungsregion ändert das Regionale Bildungsbüro.'));
    return;
  }
  const path = `/regions/${region.regionId}/settings/public-views`;
  const current = await api.get(path);
  if (ctx.stale()) return;
  const address = `${location.origin}/${publicLink(region.regionId)}`;
  const box = h('input', { type: 'checkbox', id: 'oeffentlich', name: 'enabled', checked: current.enabled });
  const message = h('div', { class: 'formular-meldung', role: 'status' });
  const button = h('button', { type: 'submit', class: 'knopf' }, 'Speichern');
  const linkLine = h('p', { class: 'hinweis', id: 'oeffentlich-adresse' });
  const showLink = (enabled) =>
    show(linkLine, enabled ? ['Öffentliche Adresse: ', h('a', { href: address }, address)] : 'Ausgeschaltet: die öffentliche Adresse antwortet „nicht gefunden“.');
  showLink(current.enabled);

  async function submit(event) {
    event.preventDefault();
    button.disabled = true;
    show(message);
    try {
      const saved = await api.put(path, { enabled: box.checked });
      box.checked = saved.enabled;
      showLink(saved.enabled);
      show(message, h('p', { class: 'erfolg' }, saved.enabled ? 'Gespeichert: die öffentlichen Ansichten sind eingeschaltet.' : 'Gespeichert: die öffentlichen Ansichten sind ausgeschaltet.'));
    } catch (error) {
      show(message, errorBox(error));
    } finally {
      button.disabled = false;
    }
  }

  show(main,
    h('h1', {}, 'Einstellungen'),
    h('section', { class: 'abschnitt', 'aria-labelledby': 'oeffentlich-titel' },
      h('h2', { id: 'oeffentlich-titel' }, 'Öffentliche Ansichten „Was wurde aus …?“'),
      h('p', { class: 'einleitung' }, 'Eingeschaltet kann jede und jeder ohne Anmeldung sehen, was aus den Empfehlungen jeder Bildungskonferenz geworden ist: Stand, Aufträge an Gremien, Wirkung und Verlauf – ohne Namen von Personen und ohne interne Vermerke. Der Bericht an die Bildungskonferenz nennt dann die öffentliche Adresse.'),
      h('form', { class: 'formular', onsubmit: submit, 'aria-label': 'Öffentliche Ansichten' },
        h('div', { class: 'feld feld-haken' }, box, h('label', { for: 'oeffentlich' }, 'Öffentliche Ansichten einschalten')),
        linkLine,
        h('div', { class: 'knoepfe' }, button),
        message,
      ),
    ),
  );
}
