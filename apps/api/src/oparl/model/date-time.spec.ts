import { oparlDateTime } from './date-time';

describe('oparlDateTime: instants as OParl writes them', () => {
  it.each([
    ['2026-12-07T22:11:52.208Z', '2026-12-07T23:11:52+01:00'],
    ['2026-07-01T10:00:00.999Z', '2026-07-01T12:00:00+02:00'],
    ['2026-03-29T00:59:59Z', '2026-03-29T01:59:59+01:00'],
    ['2026-03-29T01:00:00Z', '2026-03-29T03:00:00+02:00'],
  ])('%s → %s', (instant, text) => {
    expect(oparlDateTime(new Date(instant))).toBe(text);
    expect(Date.parse(text)).toBe(Math.floor(Date.parse(instant) / 1000) * 1000);
  });
});
