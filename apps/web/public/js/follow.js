// "Folgen": mails about a recommendation, a committee or a conference, per change or once a day.
import { api } from './api.js';
import { h, show } from './dom.js';
import { errorBox } from './ui.js';

export const FOLLOW_MODE = { change: 'bei jeder Änderung', daily: 'tägliche Zusammenfassung' };

const mine = (regionId) => api.get(`/regions/${regionId}/subscriptions`).then((x) => x.subscriptions);

function modeSelect(id, value = 'change') {
  return h('select', { id, name: 'mode' }, Object.entries(FOLLOW_MODE).map(([key, text]) => h('option', { value: key, selected: key === value }, text)));
}

/**
 * The control for one thing (the recommendation page): "Folgen" with the choice of mail, or, when
 * already followed, which mail comes and "Abbestellen". Renders itself again after each change.
 */
export function followBox(ctx, { targetType, targetId, what }) {
  const path = `/regions/${ctx.region.regionId}/subscriptions`;
  const box = h('section', { class: 'abschnitt folgen', 'aria-labelledby': `folgen-titel-${targetType}` });
  const message = h('div', { class: 'formular-meldung', role: 'status' });

  async function render(note) {
    let current;
    try {
      current = (await mine(ctx.region.regionId)).find((s) => s.targetType === targetType && s.targetId === targetId);
    } catch (error) {
      show(box, h('h2', { id: `folgen-titel-${targetType}` }, 'Folgen'), errorBox(error));
      return;
    }
    const act = (work) => async (event) => {
      event.preventDefault();
      for (const b of box.querySelectorAll('button')) b.disabled = true;
      show(message);
      try {
        await render(await work());
      } catch (error) {
        show(message, errorBox(error));
        for (const b of box.querySelectorAll('button')) b.disabled = false;
      }
    };
    const select = modeSelect(`folgen-art-${targetType}`, current?.mode);
    show(box,
      h('h2', { id: `folgen-titel-${targetType}` }, 'Folgen'),
      note ? h('p', { class: 'erfolg' }, note) : null,
      current
        ? h('form', { class: 'formular', 'aria-label': `${what} folgen`, onsubmit: act(async () => {
          await api.del(`${path}/${current.subscriptionId}`);
          return `Abbestellt: Sie bekommen keine Mails mehr zu ${what}.`;
        }) },
          h('p', {}, `Sie folgen ${what} per E-Mail (${FOLLOW_MODE[current.mode]}).`),
          h('div', { class: 'knoepfe' }, h('button', { type: 'submit', class: 'knopf' }, 'Abbestellen')))
        : h('form', { class: 'formular', 'aria-label': `${what} folgen`, onsubmit: act(async () => {
          const saved = await api.post(path, { targetType, targetId, mode: select.value });
          return `Sie folgen ${what} jetzt (${FOLLOW_MODE[saved.mode]}). Jede Mail enthält einen Link zum Abbestellen.`;
        }) },
          h('p', { class: 'hinweis' }, `Mails an die Adresse Ihres Kontos, wenn sich bei ${what} etwas ändert.`),
          h('div', { class: 'feld' }, h('label', { for: select.id }, 'Benachrichtigung'), select),
          h('div', { class: 'knoepfe' }, h('button', { type: 'submit', class: 'knopf' }, 'Folgen'))),
      message,
    );
  }
  void render();
  return box;
}

/** Following one of several (committees on the scorecard, conferences on the report page). */
export function followPicker(ctx, { targetType, title, fieldLabel, options }) {
  const id = `folgen-${targetType}`;
  const target = h('select', { id: `${id}-ziel`, name: 'targetId' }, options.map((o) => h('option', { value: o.id }, o.label)));
  const mode = modeSelect(`${id}-art`);
  // Errors in the form's message, success beside it (a filled message means "refused" to its readers).
  const message = h('div', { class: 'formular-meldung', role: 'status' });
  const done = h('div', { role: 'status' });
  const button = h('button', { type: 'submit', class: 'knopf' }, 'Folgen');
  async function submit(event) {
    event.preventDefault();
    button.disabled = true;
    show(message);
    show(done);
    try {
      const saved = await api.post(`/regions/${ctx.region.regionId}/subscriptions`, { targetType, targetId: target.value, mode: mode.value });
      show(done, h('p', { class: 'erfolg' }, `Sie folgen „${saved.targetName}“ (${FOLLOW_MODE[saved.mode]}). Ihre Abonnements: „Meine Abonnements“.`));
    } catch (error) {
      show(message, errorBox(error));
    } finally {
      button.disabled = false;
    }
  }
  return h('section', { class: 'abschnitt folgen nicht-drucken', 'aria-labelledby': `${id}-titel` },
    h('h2', { id: `${id}-titel` }, title),
    h('form', { class: 'formular', 'aria-label': title, onsubmit: submit },
      h('div', { class: 'feld' }, h('label', { for: target.id }, fieldLabel), target),
      h('div', { class: 'feld' }, h('label', { for: mode.id }, 'Benachrichtigung'), mode),
      h('div', { class: 'knoepfe' }, button),
      message,
      done));
}
