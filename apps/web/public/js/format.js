// German number and date formats, as people read them in a Lenkungskreis paper.
const integer = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

/** 0.75 → "75 %", 0.6667 → "67 %", null → "–". */
export function percent(share) {
  if (share === null || share === undefined || Number.isNaN(share)) return '–';
  return `${integer.format(share * 100)} %`;
}

export function number(value, digits = 1) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return digits === 0 ? integer.format(value) : new Intl.NumberFormat('de-DE', { maximumFractionDigits: digits }).format(value);
}

export const months = (value) => (value === null || value === undefined ? '–' : `${decimal.format(value)} Monate`);
export const days = (value) => (value === null || value === undefined ? '–' : `${integer.format(value)} Tage`);

/** "2018-11-20" → "20.11.2018"; anything else unchanged. */
export function date(iso) {
  if (!iso) return '–';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** An ISO instant as "20.11.2018, 14:05:09 Uhr" in Berlin time, to the second like the "Erfasst bis" picker. */
export function instant(iso) {
  if (!iso) return '–';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const text = new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).format(d);
  return `${text} Uhr`;
}

/** "3 von 4" with German digits. */
export const ofTotal = (numerator, denominator) =>
  denominator === undefined || denominator === null ? '' : `${number(numerator, 1)} von ${number(denominator, 0)}`;

/** Today in Berlin as YYYY-MM-DD (the API's default asOf). */
export function todayIso() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return parts;
}
