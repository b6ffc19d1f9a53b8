import { createHash } from 'node:crypto';
import type { ImportRow } from '../rows/import-row';

/**
 * The import key of a row: a hash of what the row says (not where it stands), so the same list
 * imported again, or re-sorted, names the same commands, whose event ids then already stand in
 * their streams. A changed cell makes a different row.
 */
export function rowKey(row: ImportRow): string {
  const { line: _line, ...content } = row;
  const hash = createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 32);
  return `import:row:${hash}`;
}

export const conferenceKey = (normalizedName: string) => `import:conference:${normalizedName}`;
export const committeeKey = (normalizedName: string) => `import:committee:${normalizedName}`;
