/**
 * PostgreSQL's COPY text format, read back in Node (the backup checks every chain before it writes
 * anything): one row per line, columns separated by tabs, `\N` for NULL, and backslash escapes for
 * backslash, newline, tab and the other control characters. Documented in the COPY reference,
 * "Text Format".
 */
const SIMPLE: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };

export function parseCopyField(raw: string): string | null {
  if (raw === '\\N') return null;
  if (!raw.includes('\\')) return raw;
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = raw[++i];
    if (n === undefined) throw new Error('COPY-Feld endet mit einem einzelnen Backslash');
    if (n in SIMPLE) out += SIMPLE[n];
    else if (/[0-7]/.test(n)) {
      const digits = /^[0-7]{1,3}/.exec(raw.slice(i))![0];
      out += String.fromCharCode(parseInt(digits, 8));
      i += digits.length - 1;
    } else if (n === 'x' && /^[0-9a-fA-F]/.test(raw[i + 1] ?? '')) {
      const digits = /^[0-9a-fA-F]{1,2}/.exec(raw.slice(i + 1))![0];
      out += String.fromCharCode(parseInt(digits, 16));
      i += digits.length;
    } else out += n;
  }
  return out;
}

export function parseCopyLine(line: string): (string | null)[] {
  return line.split('\t').map(parseCopyField);
}

/** A bytea in COPY's hex output (`\x0a1b…`, already unescaped) as bytes. */
export function byteaOf(text: string): Buffer {
  if (!text.startsWith('\\x')) throw new Error(`bytea nicht im Hex-Format: ${text.slice(0, 20)}`);
  return Buffer.from(text.slice(2), 'hex');
}

/** A timestamptz as COPY writes it with TimeZone UTC and DateStyle ISO (`2026-12-07 21:05:39.123+00`). */
export function timestampOf(text: string): Date {
  const iso = text.replace(' ', 'T').replace(/\+00(:00)?$/, 'Z');
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`Zeitstempel nicht lesbar: ${text}`);
  return date;
}
