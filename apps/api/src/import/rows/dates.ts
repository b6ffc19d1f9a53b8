import { isCalendarDate, type CalendarDate } from '@app/domain';
import { isFormula, type Cell } from '../file/table';

const GERMAN = /^(\d{1,2})\.\s*(\d{1,2})\.\s*(\d{2}|\d{4})$/;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A business date from a cell: a date cell, "03.05.2021", "3.5.2021", "2021-05-03", or the short
 * "3.5.21", read as 03.05.2021 (two-digit years are 20xx: the networks exist since 2008, and a year
 * that lands in the future is refused by the domain anyway). The dry run shows the date read, so a
 * surprise is seen before anything is written. Anything else is an error message.
 */
export function parseDate(cell: Cell): { date: CalendarDate } | { error: string } {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { error: 'ist kein gültiges Datum.' };
    // Spreadsheet dates carry no zone; the library hands them over as UTC midnight.
    return { date: cell.toISOString().slice(0, 10) };
  }
  if (isFormula(cell)) return { error: `enthält eine Formel (=${cell.formula}); bitte den Wert statt der Formel eintragen.` };
  if (typeof cell === 'number') return { error: `„${cell}“ ist eine Zahl, kein Datum (erwartet TT.MM.JJJJ).` };
  const text = (cell ?? '').trim();
  const german = GERMAN.exec(text);
  let date: string | undefined;
  if (german) {
    const year = german[3]!.length === 2 ? `20${german[3]}` : german[3]!;
    date = `${year}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`;
  } else if (ISO.test(text)) {
    date = text;
  }
  if (date === undefined || !isCalendarDate(date)) return { error: `„${text}“ ist kein gültiges Datum (erwartet TT.MM.JJJJ).` };
  return { date };
}

/** 2021-05-03 → 03.05.2021, for messages and the preview. */
export const germanDate = (date: CalendarDate): string => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;
