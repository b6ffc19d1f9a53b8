import { csvCell, germanNumber, toCsv } from './csv';

describe('CSV for German spreadsheets', () => {
  it('starts with the UTF-8 BOM, separates by `;` and ends every record in CRLF', () => {
    const csv = toCsv([{ header: 'Name', value: (r: { n: string; v: number }) => r.n }, { header: 'Wert', value: (r) => r.v }], [{ n: 'Übergang', v: 0.75 }]);
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv).toBe('\uFEFFName;Wert\r\nÜbergang;0,75\r\n');
  });

  it('quotes cells with the separator, quotes or line breaks, doubling quotes (RFC 4180)', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('sagt "ja"')).toBe('"sagt ""ja"""');
    expect(csvCell('zwei\r\nZeilen')).toBe('"zwei\r\nZeilen"');
    expect(csvCell('Komma, kein Problem')).toBe('Komma, kein Problem');
  });

  it('writes numbers with a decimal comma and no thousands separator; no value is an empty cell', () => {
    expect(germanNumber(0.75)).toBe('0,75');
    expect(germanNumber(2 / 3)).toBe('0,666667');
    expect(germanNumber(1234.5)).toBe('1234,5');
    expect(germanNumber(-0.5)).toBe('-0,5');
    expect(germanNumber(73)).toBe('73');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('ja');
  });

  it('defuses text that a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('+49 211')).toBe("'+49 211");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
  });
});
