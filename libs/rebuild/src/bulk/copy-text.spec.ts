import { CopyChunks, copyValue, lineEncoder } from './copy-text';

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
    ['JSON with newline, backslash and quote', { a: 'x\ny\\z"' }, true, '{"a":"x\\\\ny\\\\\\\\z\\\\""}'],
    ['JSON null is SQL NULL', null, true, '\\N'],
  ])('%s', (_name, value, json, expected) => {
    expect(copyValue(value, json)).toBe(expected);
  });

  it('refuses an object for a column that does not hold JSON', () => {
    expect(() => copyValue({ a: 1 }, false)).toThrow(TypeError);
  });

  const columns = [
    { name: 'id', json: false },
    { name: 'facts', json: true },
    { name: 'note', json: false },
  ];

  const copyLine = (row: object, cols: typeof columns) => lineEncoder(cols)(row);

  it('writes one line per row in column order, a missing property as NULL', () => {
    expect(copyLine({ note: 'b', id: 'x', facts: [1] }, columns)).toBe('x\t[1]\tb\n');
    expect(copyLine({ id: 'y', facts: {} }, columns)).toBe('y\t{}\t\\N\n');
  });

  it('takes column names as plain property names, whatever they contain', () => {
    expect(copyLine({ "it's": 'a', 'b\\n': 'b' }, [{ name: "it's", json: false }, { name: 'b\\n', json: false }])).toBe('a\tb\n');
  });

  it('fills chunks line by line in UTF-8, never splitting a line, and hands out the rest at the end', () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ id: `r${i}`, facts: { n: i }, note: 'Übergänge' }));
    const chunks = new CopyChunks(columns, 200);
    const sent = [...chunks.add(rows.slice(0, 30)), ...chunks.add(rows.slice(30))];
    const rest = chunks.rest();
    expect(rest).toBeDefined();
    expect(chunks.rest()).toBeUndefined();
    const all = [...sent, rest!];
    expect(all.length).toBeGreaterThan(5);
    for (const chunk of all) {
      expect(chunk.length).toBeLessThanOrEqual(200);
      expect(chunk.toString('utf8').endsWith('\n')).toBe(true);
    }
    expect(Buffer.concat(all).toString('utf8')).toBe(rows.map((r) => copyLine(r, columns)).join(''));
  });

  it('sends a line longer than a chunk as a chunk of its own, after what came before', () => {
    const chunks = new CopyChunks(columns, 64);
    const long = { id: 'lang', facts: null, note: 'ß'.repeat(100) };
    const sent = chunks.add([{ id: 'a' }, long, { id: 'b' }]);
    expect(sent.map((c) => c.toString('utf8'))).toEqual(['a\t\\N\t\\N\n', copyLine(long, columns)]);
    expect(chunks.rest()?.toString('utf8')).toBe('b\t\\N\t\\N\n');
  });
});
