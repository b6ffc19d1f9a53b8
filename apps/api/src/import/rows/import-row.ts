import type { CalendarDate } from '@app/domain';
import type { ImportedStatus } from './status';

/** One row of the list, checked cell by cell; names of conferences and committees are not resolved yet. */
export interface ImportRow {
  /** Line in the file (1-based, as the spreadsheet shows it). */
  line: number;
  conference: string;
  adoptedOn: CalendarDate;
  number: string;
  title: string;
  text: string;
  fieldsOfAction: string[];
  /** Committees or free-text decision makers. */
  addressees: string[];
  /** Committees the Lenkungskreis handed the recommendation to. */
  handedOffTo: string[];
  handedOffOn?: CalendarDate;
  reportDueOn?: CalendarDate;
  mandate?: string;
  status?: ImportedStatus;
  statusOn?: CalendarDate;
}

/** Why a row is refused: its line, the column as the file names it, and a German sentence. */
export interface RowError {
  line: number;
  column: string;
  message: string;
}

export const formatRowError = (e: RowError): string => `Zeile ${e.line}, Spalte ${e.column}: ${e.message}`;
