/**
 * How much an import may ask of the server. A Bildungsbüro's list of 15 years is a few thousand
 * rows and well under a megabyte; the limits leave room for 50,000 rows and refuse the rest early.
 */
export const IMPORT_LIMITS = {
  /** Uploaded file (413 above). */
  maxFileBytes: 10 * 1024 * 1024,
  /** Everything inside an .xlsx once unpacked (a zip bomb stops here, 413). */
  maxUnpackedBytes: 80 * 1024 * 1024,
  /** Entries of an .xlsx archive. */
  maxZipEntries: 2_000,
  /** Data rows of one import (413 above). */
  maxRows: 50_000,
  /** Characters of one cell. */
  maxCellChars: 20_000,
} as const;
