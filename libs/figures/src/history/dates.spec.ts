import fc from 'fast-check';
import { addDays, addMonths, daysBetween, daysToMonths, isWithinDays, isWithinMonths } from './dates';

describe('calendar arithmetic on business dates', () => {
  it('counts days across month, year and leap-day boundaries', () => {
    expect(daysBetween('2018-11-20', '2019-01-15')).toBe(56);
    expect(daysBetween('2019-12-31', '2020-01-01')).toBe(1);
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2); // 29 Feb 2020 exists
    expect(daysBetween('2021-02-28', '2021-03-01')).toBe(1);
    expect(daysBetween('2020-01-01', '2021-01-01')).toBe(366);
    expect(daysBetween('2019-10-15', '2018-11-20')).toBe(-329);
  });

  it('ignores daylight saving: 31 March and 27 October 2019 are plain days', () => {
    expect(daysBetween('2019-03-30', '2019-04-01')).toBe(2);
    expect(daysBetween('2019-10-26', '2019-10-28')).toBe(2);
  });

  it('adds days', () => {
    expect(addDays('2019-02-28', 1)).toBe('2019-03-01');
    expect(addDays('2021-06-30', -180)).toBe('2021-01-01');
  });

  it('adds months to the same calendar day, or the last day of a shorter month', () => {
    expect(addMonths('2019-01-15', 1)).toBe('2019-02-15');
    expect(addMonths('2019-01-31', 1)).toBe('2019-02-28');
    expect(addMonths('2020-01-31', 1)).toBe('2020-02-29');
    expect(addMonths('2019-03-31', 1)).toBe('2019-04-30');
    expect(addMonths('2018-11-20', 24)).toBe('2020-11-20');
    expect(addMonths('2020-02-29', 12)).toBe('2021-02-28');
    expect(addMonths('2019-12-31', 2)).toBe('2020-02-29');
    expect(addMonths('2019-11-30', 14)).toBe('2021-01-30');
  });

  it('"within D days" includes day D and not day D + 1', () => {
    expect(isWithinDays('2019-01-01', addDays('2019-01-01', 90), 90)).toBe(true);
    expect(isWithinDays('2019-01-01', addDays('2019-01-01', 91), 90)).toBe(false);
  });

  it('"within N months" is on or before the same day N months later; 31 Jan + 1 month ends on 28 Feb', () => {
    expect(isWithinMonths('2019-01-31', '2019-02-28', 1)).toBe(true);
    expect(isWithinMonths('2019-01-31', '2019-03-01', 1)).toBe(false);
    expect(isWithinMonths('2018-11-20', '2020-11-20', 24)).toBe(true);
    expect(isWithinMonths('2018-11-20', '2020-11-21', 24)).toBe(false);
  });

  it('shows months as days / 30.4375 to one decimal', () => {
    expect(daysToMonths(329)).toBe(10.8);
    expect(daysToMonths(365.25)).toBe(12);
    expect(daysToMonths(0)).toBe(0);
    // Rounded to the nearest tenth, not cut off: these differ between the two.
    expect(daysToMonths(200)).toBe(6.6); // 6.5708…
    expect(daysToMonths(30)).toBe(1); // 0.9856…
    expect(daysToMonths(100)).toBe(3.3); // 3.2854…
    expect(daysToMonths(700)).toBe(23); // 22.9979…
    expect(daysToMonths(76)).toBe(2.5); // 2.4969…
  });

  it('refuses what is not a calendar date', () => {
    expect(() => daysBetween('2019-1-5', '2019-01-05')).toThrow();
  });
});

describe('calendar arithmetic, for any date', () => {
  // Dates from 1990 to 2060 as day offsets, so every generated value is a real calendar day.
  const date = fc.integer({ min: 0, max: 25_567 }).map((n) => addDays('1990-01-01', n));

  it('addDays and daysBetween are inverse', () => {
    fc.assert(fc.property(date, fc.integer({ min: -4000, max: 4000 }), (d, n) => daysBetween(d, addDays(d, n)) === n));
  });

  it('addMonths lands in the right month, on the same day or the last day of a shorter month', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 120 }), (d, n) => {
        const later = addMonths(d, n);
        const monthIndex = (s: string) => Number(s.slice(0, 4)) * 12 + Number(s.slice(5, 7));
        const day = Number(d.slice(8));
        const laterDay = Number(later.slice(8));
        const isLastDay = addDays(later, 1).slice(8) === '01';
        return monthIndex(later) - monthIndex(d) === n && (laterDay === day || (laterDay < day && isLastDay));
      }),
    );
  });

  it('"within N months" is monotone: a date within stays within when N grows', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 60 }), (start, offset, n) =>
        !isWithinMonths(start, addDays(start, offset), n) || isWithinMonths(start, addDays(start, offset), n + 1),
      ),
    );
  });
});
