import { inflateRawSync } from 'node:zlib';
import { IMPORT_LIMITS } from '../limits';
import { ImportFileProblem } from './file-problem';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const broken = () => new ImportFileProblem(422, 'import.xlsx-broken', 'Die Excel-Datei ist beschädigt oder unvollständig (kein lesbares ZIP-Archiv).');

/**
 * Unpacks every entry of an .xlsx (a zip archive) once, with a hard ceiling on the output, before
 * the spreadsheet library sees it: a zip bomb lies about its sizes, so the declared sizes are not
 * trusted, the inflater itself stops at the budget. A truncated file has no end record and is refused here.
 */
export function checkZipBudget(buffer: Buffer, budget: number = IMPORT_LIMITS.maxUnpackedBytes): void {
  const eocd = findEndRecord(buffer);
  if (eocd < 0) throw broken();
  const entries = buffer.readUInt16LE(eocd + 10);
  const centralSize = buffer.readUInt32LE(eocd + 12);
  const centralOffset = buffer.readUInt32LE(eocd + 16);
  if (entries > IMPORT_LIMITS.maxZipEntries) {
    throw new ImportFileProblem(413, 'import.xlsx-too-large', `Die Excel-Datei enthält zu viele Teile (${entries}; höchstens ${IMPORT_LIMITS.maxZipEntries}).`);
  }
  if (centralOffset + centralSize > buffer.length) throw broken();
  let remaining = budget;
  let at = centralOffset;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== CENTRAL) throw broken();
    const method = buffer.readUInt16LE(at + 10);
    const compressed = buffer.readUInt32LE(at + 20);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extraLength = buffer.readUInt16LE(at + 30);
    const commentLength = buffer.readUInt16LE(at + 32);
    const localOffset = buffer.readUInt32LE(at + 42);
    if (compressed === 0xffffffff || localOffset === 0xffffffff) throw broken(); // zip64: no spreadsheet of ours needs it
    at += 46 + nameLength + extraLength + commentLength;
    if (localOffset + 30 > buffer.length || buffer.readUInt32LE(localOffset) !== LOCAL) throw broken();
    const start = localOffset + 30 + buffer.readUInt16LE(localOffset + 26) + buffer.readUInt16LE(localOffset + 28);
    if (start + compressed > buffer.length) throw broken();
    remaining -= unpackedSize(buffer.subarray(start, start + compressed), method, remaining);
  }
}

function unpackedSize(data: Buffer, method: number, remaining: number): number {
  const tooLarge = () =>
    new ImportFileProblem(413, 'import.xlsx-unpacked-too-large', `Die Excel-Datei ist entpackt größer als ${Math.round(IMPORT_LIMITS.maxUnpackedBytes / 1024 / 1024)} MB und wird nicht gelesen.`);
  if (method === 0) {
    if (data.length > remaining) throw tooLarge();
    return data.length;
  }
  if (method !== 8) throw broken();
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, remaining) }).length;
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError) throw tooLarge();
    throw broken();
  }
}

function findEndRecord(buffer: Buffer): number {
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let i = buffer.length - 22; i >= lowest; i--) if (buffer.readUInt32LE(i) === EOCD) return i;
  return -1;
}
