import ExcelJS from 'exceljs';
import { encode } from 'iconv-lite';

/** A list as a Bildungsbüro keeps it: one row per recommendation, German headers, German dates. */
export const LIST_HEADER = ['Konferenz', 'Datum', 'Nr.', 'Titel', 'Wortlaut', 'Handlungsfeld', 'Adressaten', 'Übergeben an', 'Übergeben am', 'Bericht fällig', 'Stand', 'Stand vom'];

export const LIST_ROWS: string[][] = [
  ['9. Bildungskonferenz', '12.03.2026', '1', 'Berufsorientierung ab Klasse 8', 'Die Bildungskonferenz empfiehlt eine verbindliche Berufsorientierung ab Klasse 8.', 'Übergang Schule/Beruf', 'Fachgremium Übergang Schule/Beruf; Rat der Stadt', 'Fachgremium Übergang Schule/Beruf', '20.04.2026', '30.09.2026', 'in Umsetzung', '01.06.2026'],
  ['9. BK', '12.03.2026', '2', 'Sprachförderung für Neuzugewanderte', 'Die Bildungskonferenz empfiehlt zusätzliche Sprachkurse für neu zugewanderte Jugendliche – „Deutsch & mehr“.', 'Neuzugewanderte; Inklusion', 'Integrationsrat', 'Integrationsrat; Schulausschuss', '20.04.2026', '31.10.2026', '', ''],
  ['5. Bildungskonferenz', '3.5.21', '4', 'Übergänge Kita–Grundschule begleiten', 'Die Bildungskonferenz empfiehlt Übergangskonferenzen zwischen Kitas und Grundschulen.', 'Bildungsförderung 0–10', 'Jugendamt', '', '', '', '', ''],
];

const csvCell = (value: string, separator: string) => (/["\n;,]/.test(value) || value.includes(separator) ? `"${value.replace(/"/g, '""')}"` : value);

export function csvOf(rows: string[][], options: { separator: ';' | ','; encoding: 'utf8' | 'utf8-bom' | 'win1252' }): Buffer {
  const text = rows.map((r) => r.map((c) => csvCell(c, options.separator)).join(options.separator)).join('\r\n') + '\r\n';
  if (options.encoding === 'win1252') return encode(text.replace(/–/g, '-'), 'win1252');
  const bytes = Buffer.from(text, 'utf8');
  return options.encoding === 'utf8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]) : bytes;
}

/**
 * An .xlsx as people make them: a title row merged across the sheet, the header in row 3, real
 * date cells, an empty spacer row, and a conference merged vertically over the rows it belongs to.
 */
export async function xlsxOf(rows: string[][], options: { formulaIn?: { row: number; column: number }; wideText?: boolean } = {}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Empfehlungen');
  // wideText: the "Wortlaut" header spans two merged columns (E:F), the text stands in E.
  const widen = (cells: (string | Date | null)[]) => (options.wideText ? [...cells.slice(0, 5), null, ...cells.slice(5)] : cells);
  sheet.addRow(['Empfehlungen der Bildungskonferenz – Stand Dezember 2026']);
  sheet.mergeCells(1, 1, 1, LIST_HEADER.length + (options.wideText ? 1 : 0));
  sheet.addRow([]);
  sheet.addRow(widen(LIST_HEADER));
  if (options.wideText) sheet.mergeCells(3, 5, 3, 6);
  const dateColumns = new Set([1, 8, 9, 11]);
  let at = 4;
  rows.forEach((row, index) => {
    if (index === 1) {
      sheet.addRow([]);
      at++;
    }
    sheet.addRow(widen(row.map((value, column) => (dateColumns.has(column) && /^\d{2}\.\d{2}\.\d{4}$/.test(value) ? germanToDate(value) : value === '' ? null : value))));
    at++;
  });
  if (options.formulaIn) sheet.getCell(options.formulaIn.row, options.formulaIn.column).value = { formula: 'TODAY()', result: new Date() } as ExcelJS.CellFormulaValue;
  void at;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const germanToDate = (value: string) => new Date(Date.UTC(Number(value.slice(6, 10)), Number(value.slice(3, 5)) - 1, Number(value.slice(0, 2))));

/** A zip archive of stored or deflated entries, written by hand so a test can make it lie (CRC is not checked by the import). */
export function zipOf(entries: { name: string; data: Buffer; deflated?: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const body = entry.deflated ?? entry.data;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.deflated ? 8 : 0, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.declaredSize ?? entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.deflated ? 8 : 0, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(entry.declaredSize ?? entry.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const centralDirectory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralDirectory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, centralDirectory, end]);
}
