// One form for one command of the write API. Fields are declared, values typed (German dates and
// decimal commas), the server's problem details land at the field they concern, the revision the
// form showed goes out as If-Match, and a repeated submit of the same input reuses its
// Idempotency-Key, so the server writes it once.
import { api, ApiError } from '../api.js';
import { h } from '../dom.js';
import { DATE_MESSAGE, dateInput, parseDate } from './dates.js';
import { changesSince, conflictNotice } from './conflict.js';

/** Domain rule codes (409) and the field a person fixes them in; the form's `codes` add to it. */
const CODE_FIELD = {
  'adoption.before-conference': 'adoptedOn',
  'adoption.conference-unknown': 'conferenceId',
  'handoff.already-active': 'committeeId',
  'handoff.committee-unknown': 'committeeId',
  'handoff.committee-dissolved': 'committeeId',
  'handoff.due-before-decision': 'reportDueOn',
  'handoff.before-decision': 'on',
  'status.before-handoff': 'reportedOn',
  'status.reason-required': 'reason',
  'status.progress-out-of-range': 'progressPercent',
  'status.next-due-before-report': 'nextReportDueOn',
  'status.requires-accepted-handoff': 'committeeId',
  'indicator.requires-accepted-handoff': 'committeeId',
  'measurement.requires-accepted-handoff': 'committeeId',
  'indicator.target-before-baseline': 'target.dueOn',
  'indicator.duplicate-id': 'indicatorId',
  'outcome.conference-not-later': 'conferenceId',
  'outcome.conference-unknown': 'conferenceId',
  'supersede.successor-self': 'successorId',
  'supersede.successor-unknown': 'successorId',
  'account.email-taken': 'email',
  'account.email-invalid': 'email',
  'account.password-weak': 'password',
  'account.committee-missing': 'committeeIds',
  'account.committee-unexpected': 'committeeIds',
};

let formCount = 0;

/** German decimal: "42,5" or "42.5" → 42.5; '' → undefined; null when no number. */
function parseNumber(text) {
  const t = String(text ?? '').trim().replace(/\s/g, '');
  if (t === '') return undefined;
  if (!/^-?\d+([.,]\d+)?$/.test(t)) return null;
  return Number(t.replace(',', '.'));
}

function control(field, id) {
  const common = { id, name: field.name };
  switch (field.type) {
    case 'textarea':
    case 'lines':
    case 'evidence':
      return h('textarea', { ...common, rows: field.rows ?? (field.type === 'textarea' ? 4 : 3) }, field.value ?? '');
    case 'date':
      return dateInput({ id, name: field.name, value: field.value ?? '' });
    case 'number':
      return h('input', { ...common, type: 'text', inputmode: 'decimal', value: field.value ?? '', size: 10, autocomplete: 'off' });
    case 'select':
      return h('select', common,
        field.placeholder !== undefined ? h('option', { value: '' }, field.placeholder) : null,
        field.options.map(([value, text]) => h('option', { value, selected: value === field.value }, text)));
    case 'checkboxes':
      return h('div', { class: 'haken-liste', id, role: 'group' },
        field.options.length === 0 ? h('p', { class: 'leer' }, field.emptyText ?? 'Keine Auswahl möglich.') : null,
        field.options.map(([value, text], i) => h('label', { class: 'haken' },
          h('input', { type: 'checkbox', name: field.name, value, id: `${id}-${i}`, checked: (field.value ?? []).includes(value) }), ` ${text}`)));
    case 'checkbox':
      return h('input', { ...common, type: 'checkbox', checked: Boolean(field.value) });
    case 'password':
      return h('input', { ...common, type: 'password', autocomplete: 'new-password', value: '' });
    default:
      return h('input', { ...common, type: 'text', value: field.value ?? '', autocomplete: 'off', maxlength: field.maxLength });
  }
}

/** Reads one field; `problem` gets a German message when the input cannot be a value. */
function read(field, el, problem) {
  switch (field.type) {
    case 'date': {
      const day = parseDate(el.value);
      if (day === null) problem(DATE_MESSAGE);
      return day || undefined;
    }
    case 'number': {
      const n = parseNumber(el.value);
      if (n === null) problem('Bitte eine Zahl angeben, z. B. 42 oder 42,5.');
      return n ?? undefined;
    }
    case 'checkboxes':
      return [...el.querySelectorAll('input:checked')].map((c) => c.value);
    case 'checkbox':
      return el.checked;
    case 'lines':
      return el.value.split('\n').map((l) => l.trim()).filter(Boolean);
    case 'evidence':
      return el.value.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
        const cut = line.lastIndexOf('|');
        if (cut < 0) problem('Je Zeile: Titel | https://…');
        return cut < 0 ? { title: line, url: '' } : { title: line.slice(0, cut).trim(), url: line.slice(cut + 1).trim() };
      });
    default: {
      const text = el.value.trim();
      return text === '' ? undefined : text;
    }
  }
}

/**
 * spec: { name, title, intro?, submit, folded?, open?, dateField?, fields: [{ name, label, type?, options?, value?, hint?, paths? }],
 *   path: (values) => string, body: (values) => object, method?: 'post' | 'put',
 *   revision?: () => number | undefined (If-Match), conflict?: { regionId, recommendationId },
 *   codes?: { [code]: field }, done: (answer, values) => void }
 */
export function commandForm(spec) {
  const formId = `formular-${++formCount}`;
  const entries = spec.fields.map((field) => {
    const id = `${formId}-${field.name}`;
    const el = control(field, id);
    const error = h('p', { class: 'feld-fehler', id: `${id}-fehler` });
    if (field.type !== 'checkboxes') el.setAttribute('aria-describedby', `${id}-fehler`);
    const wrap = h('div', { class: `feld${field.type === 'checkbox' ? ' feld-haken' : ''}`, 'data-feld': field.name },
      field.type === 'checkbox' ? [el, h('label', { for: id }, field.label)]
        : [
          // A group of boxes has a caption, not a label: each box has its own.
          field.type === 'checkboxes' ? h('span', { class: 'beschriftung', id: `${id}-titel` }, field.label) : h('label', { for: id }, field.label),
          field.hint ? h('span', { class: 'hinweis' }, field.hint) : null,
          el,
        ],
      error);
    if (field.type === 'checkboxes') el.setAttribute('aria-labelledby', `${id}-titel`);
    return { field, el, error, wrap };
  });
  const general = h('div', { class: 'formular-meldung', 'aria-live': 'assertive' });
  const button = h('button', { type: 'submit', class: 'knopf' }, spec.submit);
  const titleId = `${formId}-titel`;
  let lastRequest = '';
  let key = '';
  let busy = false;
  let revisionOverride;

  const clear = () => {
    for (const e of entries) {
      e.error.textContent = '';
      e.wrap.classList.remove('hat-fehler');
    }
    general.replaceChildren();
  };
  const mark = (entry, message) => {
    entry.error.textContent = entry.error.textContent ? `${entry.error.textContent} ${message}` : message;
    entry.wrap.classList.add('hat-fehler');
  };
  /** The entry a server path like "baseline.value" or "evidence[0].url" concerns. */
  const entryFor = (path) => {
    const p = String(path ?? '');
    return entries.find((e) => e.field.name === p || (e.field.paths ?? []).includes(p))
      ?? entries.find((e) => [e.field.name, ...(e.field.paths ?? [])].some((n) => p.startsWith(`${n}.`) || p.startsWith(`${n}[`)))
      ?? entries.find((e) => e.field.name === p.split(/[.[]/)[0]);
  };
  const focusFirst = () => {
    const first = entries.find((e) => e.error.textContent);
    (first ? (first.el.matches('div') ? first.el.querySelector('input') : first.el) : general)?.focus?.();
  };

  async function send(values) {
    const body = spec.body(values);
    const path = spec.path(values);
    const shown = revisionOverride ?? (await spec.revision?.());
    // One key per distinct request: a repeated click after a lost answer writes once; changed input is a new command.
    const text = JSON.stringify([path, body, shown]);
    if (text !== lastRequest) {
      lastRequest = text;
      key = `web-${crypto.randomUUID()}`;
    }
    const headers = { 'Idempotency-Key': key, ...(shown !== undefined && shown !== null ? { 'If-Match': `"${shown}"` } : {}) };
    return spec.method === 'put' ? api.put(path, body, headers) : api.post(path, body, headers);
  }

  async function submit(event) {
    event?.preventDefault();
    if (busy) return;
    clear();
    const values = {};
    let invalid = false;
    for (const entry of entries) {
      values[entry.field.name] = read(entry.field, entry.el, (message) => {
        invalid = true;
        mark(entry, message);
      });
    }
    if (invalid) {
      general.append(h('p', { class: 'fehler' }, 'Bitte die markierten Felder prüfen.'));
      focusFirst();
      return;
    }
    busy = true;
    button.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      const answer = await send(values);
      spec.done(answer, values);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      await explain(error);
    } finally {
      busy = false;
      button.disabled = false;
      form.removeAttribute('aria-busy');
    }
  }

  async function explain(error) {
    if (error.status === 412 && spec.conflict) {
      const since = revisionOverride ?? (await spec.revision?.()) ?? -1;
      let changes = [];
      try {
        changes = await changesSince(spec.conflict.regionId, spec.conflict.recommendationId, since);
      } catch {
        // The notice stands without the list.
      }
      general.append(conflictNotice(changes, {
        resend: () => {
          revisionOverride = error.problem.currentRevision ?? undefined;
          void submit();
        },
      }));
      general.querySelector('button')?.focus();
      return;
    }
    let placed = false;
    for (const { field, message } of error.errors) {
      const entry = entryFor(field);
      if (entry) {
        mark(entry, message);
        placed = true;
      }
    }
    const codeField = { ...CODE_FIELD, ...(spec.codes ?? {}) }[error.problem.code];
    const codeEntry = codeField ? entryFor(codeField) : error.problem.code?.startsWith('date.') && spec.dateField ? entryFor(spec.dateField) : undefined;
    if (!placed && codeEntry) {
      mark(codeEntry, error.message);
      placed = true;
    }
    general.append(h('p', { class: 'fehler', role: 'alert' }, placed ? 'Bitte die markierten Felder prüfen.' : error.message));
    focusFirst();
  }

  const form = h('form', { class: 'formular', novalidate: true, 'aria-labelledby': titleId, onsubmit: submit },
    general,
    entries.map((e) => e.wrap),
    h('div', { class: 'knoepfe' }, button),
  );
  const intro = spec.intro ? h('p', { class: 'hinweis' }, spec.intro) : null;
  // Folded: a page with several commands shows their titles; one opens where it is needed.
  if (spec.folded) {
    return h('details', { class: 'befehl aktion', 'data-befehl': spec.name ?? '', open: spec.open },
      h('summary', { id: titleId }, spec.title), intro, form);
  }
  return h('section', { class: 'befehl', 'data-befehl': spec.name ?? '' }, h(spec.heading ?? 'h3', { id: titleId }, spec.title), intro, form);
}

/** After a write: the page reloads its data and says what was saved. */
export function savedAndReload(message) {
  sessionStorage.setItem('empfehlungsradar.meldung', message);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** The message of the last write, shown once on the reloaded page. */
export function savedNotice() {
  const text = sessionStorage.getItem('empfehlungsradar.meldung');
  sessionStorage.removeItem('empfehlungsradar.meldung');
  return text ? h('p', { class: 'erfolg', role: 'status' }, text) : null;
}
