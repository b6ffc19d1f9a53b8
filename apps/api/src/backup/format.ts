/**
 * The backup file (docs/backup.md): a magic line, then one gzip member per table holding that
 * table's rows in PostgreSQL's COPY text format, then the manifest as a JSON line and a last line
 * with the manifest's length. The same manifest, plus the whole file's size and SHA-256, is written
 * beside the file (`<file>.manifest.json`). Read models are not in it: they are rebuilt from events.
 */
export const BACKUP_FORMAT = 'empfehlungsradar-backup/1';
export const MAGIC = `${BACKUP_FORMAT}\n`;
/** The last line: the manifest's byte length, zero-padded, so a reader finds it from the end. */
export const TRAILER_DIGITS = 16;

export interface SectionSpec {
  /** schema.table */
  table: string;
  /** Columns written and restored; the event's transaction id is left out (see restore). */
  columns: string[];
  orderBy: string;
}

/** What is backed up, in restore order. */
export const SECTIONS: readonly SectionSpec[] = [
  {
    table: 'event_store.events',
    columns: ['position', 'event_id', 'stream_id', 'revision', 'type', 'data', 'metadata', 'recorded_at', 'hash'],
    orderBy: 'position',
  },
  { table: 'event_store.streams', columns: ['stream_id', 'revision', 'head_hash', 'last_recorded_at'], orderBy: 'stream_id' },
  { table: 'auth.accounts', columns: [], orderBy: 'id' },
  { table: 'auth.region_settings', columns: [], orderBy: 'region_id' },
];

/** Migrations tables whose applied migrations the manifest records (the schema the rows belong to). */
export const MIGRATION_TABLES = { eventStore: 'event_store_migrations', auth: 'auth_migrations' } as const;

export interface SectionEntry {
  table: string;
  columns: string[];
  rows: number;
  /** Byte offset of the gzip member in the file, and its length. */
  offset: number;
  bytes: number;
  sha256: string;
}

export interface ChainHead {
  revision: string;
  hash: string;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  postgresVersion: string;
  migrations: { eventStore: string[]; auth: string[] };
  sections: SectionEntry[];
  events: { count: number; streams: number; lastPosition: string | null };
  /** Every stream's last revision and stored chain hash, sorted by stream id. */
  heads: Record<string, ChainHead>;
  /** SHA-256 of the audit manifest {events, lastPosition, heads} in RFC 8785 form, hex. */
  auditManifestSha256: string;
  accounts: number;
  regionSettings: number;
}

/** The manifest beside the file also names the file's size and hash. */
export interface ManifestBeside extends BackupManifest {
  file: { bytes: number; sha256: string };
}
