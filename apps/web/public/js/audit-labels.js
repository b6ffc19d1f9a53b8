// For the audit pages: German names of the event types, and dates typed the German way.
import { vocabulary } from './vocabulary.js';

/** Event type → German name, from the one definition (figures' EVENT_WORDINGS) via the server. */
export const EVENT_TYPE = vocabulary.eventTypes;

/** "31.12.2021" → "2021-12-31"; '' → ''; anything else → null (the form says what it expects). */
export function parseGermanDate(text) {
  const t = text.trim();
  if (t === '') return '';
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (!m) return null;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "31.12.2021 14:05" or "31.12.2021 14:05:30" (local time) → ISO instant; '' → ''; else null. */
export function parseGermanInstant(text) {
  const t = text.trim();
  if (t === '') return '';
  const m = /^(\d{1,2}\.\d{1,2}\.\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (!m) return null;
  const day = parseGermanDate(m[1]);
  if (!day) return null;
  const [hh, mm, ss] = [Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0)];
  if (hh > 23 || mm > 59 || ss > 59) return null;
  const [y, mo, d] = day.split('-').map(Number);
  return new Date(y, mo - 1, d, hh, mm, ss).toISOString();
}

/** An ISO instant back as "31.12.2021 14:05:30" in local time, for the form. */
export function germanInstantInput(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const p = (n) => String(n).padStart(2, '0');
  return `${p(d.getDate())}.${p(d.getMonth() + 1)}.${d.getFullYear()} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
