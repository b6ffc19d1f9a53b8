import { copyLines, copyValue } from './copy-text';

describe('COPY text format', () => {
  it.each([
    ['NULL', null, false, '\\N'],
    ['undefined as NULL', undefined, false, '\\N'],
    ['plain text', 'Schulsozialarbeit ausbauen', false, 'Schulsozialarbeit ausbauen'],
    ['a backslash', 'a\\b', false, 'a\\\\b'],
    ['tab, newline, carriage return', 'a\tb\nc\rd', false, 'a\\tb\\nc\\rd'],
    ['the text \\N, not NULL', '\\N', false, '\\\\N'],
    ['umlauts untouched', 'Übergänge größer', false, 'Übergänge größer'],
    ['an integer', 42, false, '42'],
    ['a fraction, shortest round trip', 0.1 + 0.2, false, '0.30000000000000004'],
    ['a bigint', 9007199254740993n, false, '9007199254740993'],
    ['true', true, false, 't'],
    ['false', false, false, 'f'],
    ['an instant', new Date('2026-03-01T08:15:30.123Z'), false, '2026-03-01T08:15:30.123Z'],
    ['a JSON object', { a: 'x\ty', b: [1, null] }, true, '{"a":"x\\\\ty","b":[1,null]}'],
    ['a JSON string', 'Text', true, '"Text"'],
    ['JSON null is SQL NULL', null, true, '\\N'],
  ])('%s', (_name, value, json, expected) => {
    expect(copyValue(value, json)).toBe(expected);
  });

  it('refuses an object for a column that does not hold JSON', () => {
    expect(() => copyValue({ a: 1 }, false)).toThrow(TypeError);
  });

  it('writes one line per row in column order, a missing property as NULL', () => {
    const columns = [
      { name: 'id', json: false },
      { name: 'facts', json: true },
      { name: 'note', json: false },
    ];
    expect(copyLines([{ note: 'b', id: 'x', facts: [1] }, { id: 'y', facts: {} }], columns)).toBe('x\t[1]\tb\ny\t{}\t\\N\n');
  });
});
