import { byteaOf, parseCopyLine, timestampOf } from './copy-text';

describe('COPY text format', () => {
  it('splits on tabs and undoes the escapes of backslash, newline, tab and NULL', () => {
    expect(parseCopyLine('1\t{"a": "x\\\\ny"}\tZeile\\nzwei\\tTab\t\\N')).toEqual(['1', '{"a": "x\\ny"}', 'Zeile\nzwei\tTab', null]);
  });

  it('reads octal and hex escapes', () => {
    expect(parseCopyLine('\\101\\x42')).toEqual(['AB']);
  });

  it('reads bytea hex and ISO timestamps in UTC', () => {
    expect(byteaOf('\\x0aff').equals(Buffer.from([0x0a, 0xff]))).toBe(true);
    expect(() => byteaOf('abc')).toThrow(/Hex-Format/);
    expect(timestampOf('2026-12-07 21:05:39.123+00').toISOString()).toBe('2026-12-07T21:05:39.123Z');
    expect(timestampOf('2019-09-14 00:00:00+00').toISOString()).toBe('2019-09-14T00:00:00.000Z');
  });
});
