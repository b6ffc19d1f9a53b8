const DAY_MS = 86_400_000;
const TWO = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/**
 * `date.toISOString()`, computed here: a rebuild writes a record time on every timeline row, and
 * the engine's own formatting is a call into the runtime that cost a second per million rows.
 * The date part changes seldom between consecutive rows (the log is in record order), so the
 * last one is kept; years outside 0–9999 and invalid dates go to `toISOString` (its format and
 * its RangeError).
 */
export function instantTextFormatter(): (date: Date) => string {
  let lastDay = NaN;
  let lastPrefix = '';
  return (date) => {
    const ms = date.getTime();
    const day = Math.floor(ms / DAY_MS);
    if (day !== lastDay) {
      const iso = date.toISOString();
      if (iso.length !== 24) return iso;
      lastDay = day;
      lastPrefix = iso.slice(0, 11);
    }
    let rest = ms - day * DAY_MS;
    const milli = rest % 1000;
    rest = (rest - milli) / 1000;
    const second = rest % 60;
    rest = (rest - second) / 60;
    const minute = rest % 60;
    const hour = (rest - minute) / 60;
    return `${lastPrefix}${TWO[hour]}:${TWO[minute]}:${TWO[second]}.${THREE[milli]}Z`;
  };
}
