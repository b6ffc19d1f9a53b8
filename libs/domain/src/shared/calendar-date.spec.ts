import { calendarDateOf, isCalendarDate } from './calendar-date';

describe('calendarDateOf (Europe/Berlin)', () => {
  it.each([
    ['2026-11-23T11:00:00Z', '2026-11-23'],
    ['2026-11-23T22:59:59Z', '2026-11-23'], // 23:59:59 CET
    ['2026-11-23T23:00:00Z', '2026-11-24'], // midnight CET
    ['2026-06-30T21:59:59Z', '2026-06-30'], // 23:59:59 CEST
    ['2026-06-30T22:00:00Z', '2026-07-01'], // midnight CEST
    ['2026-03-29T00:30:00Z', '2026-03-29'], // the night clocks go forward
    ['2026-10-24T22:30:00Z', '2026-10-25'], // the night clocks go back
    ['2026-12-31T23:00:00Z', '2027-01-01'],
  ])('%s is %s in Berlin', (instant, day) => expect(calendarDateOf(new Date(instant))).toBe(day));
});

describe('isCalendarDate', () => {
  it.each(['2026-01-01', '2024-02-29', '2026-12-31'])('accepts %s', (value) => expect(isCalendarDate(value)).toBe(true));
  it.each(['2026-02-29', '2026-13-01', '2026-04-31', '26-01-01', '2026-1-1', '2026-01-01T00:00:00Z', '', 20260101, null])('refuses %p', (value) =>
    expect(isCalendarDate(value)).toBe(false));
});
