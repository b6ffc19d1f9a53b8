// A committee member reports the implementation status of its assignment (POST …/status-reports).
import { api, ApiError } from '../api.js';
import { todayIso } from '../format.js';
import { h } from '../dom.js';
import { STATUS } from '../labels.js';

const FIELDS = ['committeeId', 'status', 'progressPercent', 'summary', 'reason', 'reportedOn', 'nextReportDueOn'];

export function statusForm(ctx, page, assignments) {
  const { region } = ctx;
  const recommendationId = page.recommendation.recommendationId;
  const errorOf = Object.fromEntries(FIELDS.map((f) => [f, h('p', { class: 'feld-fehler', id: `fehler-${f}` })]));
  const control = (f, el) => {
    el.setAttribute('aria-describedby', `fehler-${f}`);
    return el;
  };
  const field = (f, text, el, hint) =>
    h('div', { class: 'feld' }, h('label', { for: `bericht-${f}` }, text), hint ? h('span', { class: 'hinweis' }, hint) : null, control(f, el), errorOf[f]);

  const committee = h('select', { id: 'bericht-committeeId', name: 'committeeId' },
    assignments.map((a) => h('option', { value: a.committeeId }, a.committee)));
  const status = h('select', { id: 'bericht-status', name: 'status' }, Object.entries(STATUS).map(([v, t]) => h('option', { value: v, selected: v === 'in_progress' }, t)));
  const progress = h('input', { id: 'bericht-progressPercent', name: 'progressPercent', type: 'number', min: 0, max: 100, step: 1, inputmode: 'numeric' });
  const summary = h('textarea', { id: 'bericht-summary', name: 'summary', rows: 3 });
  const reason = h('textarea', { id: 'bericht-reason', name: 'reason', rows: 2 });
  const reportedOn = h('input', { id: 'bericht-reportedOn', name: 'reportedOn', type: 'date', value: todayIso() });
  const nextDue = h('input', { id: 'bericht-nextReportDueOn', name: 'nextReportDueOn', type: 'date' });
  const general = h('div', { class: 'formular-meldung', role: 'alert' });
  const button = h('button', { type: 'submit', class: 'knopf' }, 'Bericht speichern');
  // One key per distinct body: a repeated click after a lost answer writes once, a changed form is a new report.
  let lastBody = '';
  let key = '';

  async function submit(event) {
    event.preventDefault();
    for (const f of FIELDS) errorOf[f].textContent = '';
    general.replaceChildren();
    const body = {
      committeeId: committee.value,
      status: status.value,
      ...(progress.value !== '' ? { progressPercent: Number(progress.value) } : {}),
      summary: summary.value.trim(),
      ...(reason.value.trim() ? { reason: reason.value.trim() } : {}),
      evidence: [],
      reportedOn: reportedOn.value,
      ...(nextDue.value ? { nextReportDueOn: nextDue.value } : {}),
    };
    const text = JSON.stringify(body);
    if (text !== lastBody) {
      lastBody = text;
      key = `web-${crypto.randomUUID()}`;
    }
    button.disabled = true;
    try {
      await api.post(`/regions/${region.regionId}/recommendations/${recommendationId}/status-reports`, body, {
        'Idempotency-Key': key,
        'If-Match': `"${page.revision}"`,
      });
      ctx.announce('Der Bericht ist gespeichert.');
      sessionStorage.setItem('empfehlungsradar.meldung', 'Der Bericht ist gespeichert.');
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      let placed = false;
      // The API's messages are German already (validation-messages.ts), one per broken rule.
      for (const { field: f, message } of error.errors) {
        const top = String(f).split(/[.[]/)[0];
        if (errorOf[top]) {
          errorOf[top].textContent = errorOf[top].textContent ? `${errorOf[top].textContent} ${message}` : message;
          placed = true;
        }
      }
      const message =
        error.status === 412 ? 'Inzwischen wurde an dieser Empfehlung etwas erfasst. Bitte die Seite neu laden und den Bericht noch einmal prüfen.'
          : placed ? 'Bitte die markierten Felder prüfen.'
            : error.message;
      general.append(h('p', { class: 'fehler' }, message));
      const first = FIELDS.find((f) => errorOf[f].textContent);
      (first ? document.getElementById(`bericht-${first}`) : general).focus?.();
    } finally {
      button.disabled = false;
    }
  }

  return h('section', { class: 'abschnitt nicht-drucken', 'aria-labelledby': 'bericht-titel' },
    h('h2', { id: 'bericht-titel' }, 'Sachstand melden'),
    h('p', { class: 'hinweis' }, 'Als Mitglied des Gremiums melden Sie hier den Umsetzungsstand Ihres Auftrags.'),
    h('form', { class: 'formular', novalidate: true, onsubmit: submit },
      general,
      field('committeeId', 'Gremium', committee),
      field('status', 'Umsetzungsstand', status),
      field('progressPercent', 'Fortschritt in Prozent', progress, '0 bis 100, freiwillig'),
      field('summary', 'Zusammenfassung', summary),
      field('reason', 'Begründung', reason, 'Pflicht bei „nicht umgesetzt“ und „blockiert“'),
      field('reportedOn', 'Stand vom', reportedOn),
      field('nextReportDueOn', 'Nächster Bericht fällig am', nextDue, 'freiwillig'),
      button,
    ),
  );
}
