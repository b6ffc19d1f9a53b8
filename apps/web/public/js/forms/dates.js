// Dates are typed and shown as TT.MM.JJJJ whatever the browser's language: a text field, not
// <input type=date>, whose format follows the browser (an English Chromium shows mm/dd/yyyy).
import { h } from '../dom.js';

const pad = (n) => String(n).padStart(2, '0');

/** "14.9.2019", "14.09.2019" or "2019-09-14" → "2019-09-14"; '' for empty; null when no real day. */
export function parseDate(text) {
  const t = String(text ?? '').trim();
  if (t === '') return '';
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  const [y, mo, d] = m ? [m[3], m[2], m[1]] : (m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t)) ? [m[1], m[2], m[3]] : [];
  if (!y) return null;
  const iso = `${y}-${pad(mo)}-${pad(d)}`;
  const check = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === iso ? iso : null;
}

/** "2019-09-14" → "14.09.2019"; '' for empty. */
export function showDate(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  return m ? `${m[3]}.${m[2]}.${m[1]}` : '';
}

/** A date field: German text, checked as it is typed into the form that reads it. */
export function dateInput({ id, name, value = '', required = false }) {
  return h('input', {
    type: 'text', id, name, value: showDate(value), inputmode: 'numeric', autocomplete: 'off',
    placeholder: 'TT.MM.JJJJ', pattern: '\\d{1,2}\\.\\d{1,2}\\.\\d{4}|\\d{4}-\\d{2}-\\d{2}', size: 10, maxlength: 10,
    'data-datum': 'tag', required,
  });
}

export const DATE_MESSAGE = 'Bitte ein Datum im Format TT.MM.JJJJ angeben, z. B. 14.09.2019.';

/**
 * "14.09.2019 13:05:09" (Berlin time) or an ISO instant → ISO instant; '' for empty; null when not
 * understood. `wholeSecond`: a time given to the second means its last millisecond.
 */
export function parseInstant(text, { wholeSecond = false } = {}) {
  const t = String(text ?? '').trim();
  if (t === '') return '';
  const iso = readInstant(t);
  if (!iso || !wholeSecond || /:\d{2}\.\d+/.test(t)) return iso;
  return new Date(new Date(iso).getTime() + 999).toISOString();
}

function readInstant(t) {
  const iso = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(t);
  if (iso) {
    // Without a zone it means the local (Berlin) wall clock, like the German form.
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(t);
    if (/(Z|[+-]\d{2}:?\d{2})$/.test(t)) {
      const d = new Date(t);
      return Number.isNaN(d.getTime()) ? null : d.toISOString();
    }
    return berlinToIso(m[1], m[2], m[3], m[4], m[5], m[6] ?? '00');
  }
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s*Uhr)?$/.exec(t);
  if (!m) return null;
  return berlinToIso(m[3], pad(m[2]), pad(m[1]), pad(m[4] ?? '0'), m[5] ?? '00', m[6] ?? '00');
}

/** A Berlin wall-clock time as an ISO instant (the offset found by formatting the guess back). */
function berlinToIso(y, mo, d, hh, mi, ss) {
  if (parseDate(`${y}-${mo}-${d}`) === null || Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59) return null;
  const guess = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mi), Number(ss));
  const offsetAt = (ms) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
    return Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - ms;
  };
  const first = guess - offsetAt(guess);
  return new Date(guess - offsetAt(first)).toISOString();
}

/** An ISO instant as "14.09.2019 13:05:09" in Berlin time, to the second. */
export function showInstant(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.day}.${parts.month}.${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
}
