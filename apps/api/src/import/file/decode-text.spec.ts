import { encode } from 'iconv-lite';
import { decodeText } from './decode-text';
import { ImportFileProblem } from './file-problem';

describe('decodeText: which encoding a CSV file is in', () => {
  const text = 'Titel;Übergeben an\nSprachförderung;Schulausschuss\n';

  it('UTF-8 with and without BOM, Windows-1252, UTF-16 with BOM', () => {
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({ text, encoding: 'UTF-8 mit BOM' });
    expect(decodeText(encode(text, 'win1252'))).toEqual({ text, encoding: 'Windows-1252' });
    expect(decodeText(encode(`\uFEFF${text}`, 'utf16le'))).toEqual({ text, encoding: 'UTF-16' });
  });

  it('refuses what decodes into control characters (a binary file)', () => {
    expect(() => decodeText(Buffer.from([0x50, 0x4b, 0x00, 0x01, 0x02]))).toThrow(ImportFileProblem);
  });
});
