import { StreamableFile } from '@nestjs/common';
import type { Request } from 'express';
import { CSV_CONTENT_TYPE } from '../../http/csv';

/**
 * JSON, or CSV when asked for by `?format=csv` or `Accept: text/csv` (api.md "Exports"). The
 * parameter wins over the header, so a plain link in a browser can download the file.
 */
export function wantsCsv(request: Request, format: 'csv' | 'json' | undefined): boolean {
  if (format !== undefined) return format === 'csv';
  const accept = request.headers.accept ?? '';
  return /(^|,)\s*text\/csv\b/i.test(accept);
}

/** A CSV document as a download; bytes, so nothing re-encodes it or drops the BOM. */
export function csvFile(filename: string, csv: string): StreamableFile {
  return new StreamableFile(Buffer.from(csv, 'utf8'), {
    type: CSV_CONTENT_TYPE,
    disposition: `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
  });
}
