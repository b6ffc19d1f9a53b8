import { api, ApiError, session } from '../api.js';
import { h, show } from '../dom.js';

const REASONS = {
  abgelaufen: 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich erneut an.',
  abgemeldet: 'Sie sind abgemeldet.',
};

export function renderLogin(main, { onLoggedIn, reason }) {
  const email = h('input', { type: 'email', id: 'email', name: 'email', autocomplete: 'username', required: true, 'aria-describedby': 'anmelde-fehler' });
  const password = h('input', { type: 'password', id: 'passwort', name: 'password', autocomplete: 'current-password', required: true, 'aria-describedby': 'anmelde-fehler' });
  const message = h('p', { id: 'anmelde-fehler', class: 'feld-fehler', role: 'alert' });
  const button = h('button', { type: 'submit', class: 'knopf' }, 'Anmelden');

  async function submit(event) {
    event.preventDefault();
    message.textContent = '';
    if (!email.value.trim() || !password.value) {
      message.textContent = 'Bitte E-Mail-Adresse und Passwort eingeben.';
      return;
    }
    button.disabled = true;
    button.textContent = 'Anmeldung läuft …';
    try {
      const answer = await api.login(email.value.trim(), password.value);
      session.save(answer.accessToken, answer.account);
      onLoggedIn();
    } catch (error) {
      message.textContent =
        error instanceof ApiError && error.status === 401
          ? 'E-Mail-Adresse oder Passwort ist falsch. Bitte prüfen Sie Ihre Eingabe.'
          : error instanceof ApiError && error.status === 429
            ? 'Zu viele Anmeldeversuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.'
            : error.message || 'Die Anmeldung ist fehlgeschlagen.';
      password.value = '';
      password.focus();
    } finally {
      button.disabled = false;
      button.textContent = 'Anmelden';
    }
  }

  show(main,
    h('section', { class: 'anmeldung' },
      h('h1', {}, 'Anmeldung'),
      h('p', {}, 'Was wurde aus den Empfehlungen der Bildungskonferenz? Melden Sie sich mit Ihrem Konto an.'),
      reason && REASONS[reason] ? h('p', { class: 'hinweis-kasten', role: 'status' }, REASONS[reason]) : null,
      h('form', { class: 'formular', novalidate: true, onsubmit: submit },
        h('div', { class: 'feld' }, h('label', { for: 'email' }, 'E-Mail-Adresse'), email),
        h('div', { class: 'feld' }, h('label', { for: 'passwort' }, 'Passwort'), password),
        message,
        button,
      ),
      h('p', { class: 'hinweis' }, 'Mit den Demodaten gibt es Demo-Konten; sie stehen in der Dokumentation (docs/access-control.md).'),
    ),
  );
  email.focus();
}
