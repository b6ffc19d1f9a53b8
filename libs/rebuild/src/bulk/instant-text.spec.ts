import fc from 'fast-check';
import { instantTextFormatter } from './instant-text';

describe('instantTextFormatter', () => {
  it('writes what toISOString writes, for any instant, in any order', () => {
    const format = instantTextFormatter();
    fc.assert(
      fc.property(fc.array(fc.date({ noInvalidDate: true }), { minLength: 1, maxLength: 20 }), (dates) => {
        for (const date of dates) expect(format(date)).toBe(date.toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the day right across midnight and at the ends of a day', () => {
    const format = instantTextFormatter();
    for (const text of ['2026-11-23T23:59:59.999Z', '2026-11-24T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z', '2026-11-23T00:00:00.001Z']) {
      expect(format(new Date(text))).toBe(text);
    }
  });

  it('refuses an invalid date as toISOString does', () => {
    expect(() => instantTextFormatter()(new Date(NaN))).toThrow(RangeError);
  });
});
