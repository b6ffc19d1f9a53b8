/** A cell as the file holds it: text, a number, a real date cell, or a formula we refuse to guess at. */
export type Cell = string | number | Date | { formula: string } | undefined;

/** A sheet's rows with the line number people see in their spreadsheet program (1-based). */
export interface Table {
  /** `xlsx`, or `csv` with the separator and encoding found. */
  format: string;
  rows: { line: number; cells: Cell[] }[];
}

export const isFormula = (cell: Cell): cell is { formula: string } => typeof cell === 'object' && cell !== null && !(cell instanceof Date);
