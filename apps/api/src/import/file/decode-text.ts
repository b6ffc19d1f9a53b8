import { decode } from 'iconv-lite';
import { ImportFileProblem } from './file-problem';

/** The text of a CSV file and the encoding it was found in. */
export interface DecodedText {
  text: string;
  encoding: 'UTF-8' | 'UTF-8 mit BOM' | 'UTF-16' | 'Windows-1252';
}

/**
 * Excel saves "CSV (Trennzeichen-getrennt)" in Windows-1252 and "CSV UTF-8" with a BOM; other tools
 * write UTF-8 without one. UTF-8 is strict (a single invalid byte sequence fails it), so a file that
 * decodes as UTF-8 is UTF-8; otherwise it is read as Windows-1252, where every byte is a character.
 * What decodes into control characters was no text file to begin with.
 */
export function decodeText(bytes: Buffer): DecodedText {
  let decoded: DecodedText;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    decoded = { text: strictUtf8(bytes.subarray(3)) ?? notText(), encoding: 'UTF-8 mit BOM' };
  } else if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    decoded = { text: decode(bytes, bytes[0] === 0xff ? 'utf-16le' : 'utf-16be').replace(/^\uFEFF/, ''), encoding: 'UTF-16' };
  } else {
    const utf8 = strictUtf8(bytes);
    decoded = utf8 !== undefined ? { text: utf8, encoding: 'UTF-8' } : { text: decode(bytes, 'win1252'), encoding: 'Windows-1252' };
  }
  // Tab, line feed and carriage return belong in a CSV; NUL and the other C0/C1 controls do not.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.test(decoded.text)) notText();
  return decoded;
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function strictUtf8(bytes: Buffer): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

function notText(): never {
  throw new ImportFileProblem(415, 'import.not-text', 'Die Datei ist keine Textdatei (CSV) in UTF-8 oder Windows-1252; bitte als .xlsx oder „CSV UTF-8“ speichern.');
}
