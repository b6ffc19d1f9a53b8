import { DataSource, type MigrationInterface } from 'typeorm';
import { eventStoreMigrations } from '@app/event-store/postgres';
import { authMigrations } from '../auth/data-source';
import { MIGRATION_TABLES } from './format';
import { BackupDamaged } from './read-backup';

type Migration = new () => MigrationInterface;

/** Our migrations in the order they run, per migrations table (the schema of the data a backup holds). */
const SETS: Record<keyof typeof MIGRATION_TABLES, Migration[]> = { eventStore: eventStoreMigrations, auth: authMigrations };

const nameOf = (m: Migration) => new m().name ?? m.name;

/**
 * Brings a set of schemas to exactly the migrations a backup was made with (`upTo`), or to the
 * current ones without it. A backup naming a migration this version does not know comes from a
 * newer version: restoring it here would lose what that migration means, so it is refused.
 */
export async function migrate(url: string, set: keyof typeof MIGRATION_TABLES, upTo?: readonly string[]): Promise<void> {
  const known = SETS[set];
  if (upTo) {
    const unknown = upTo.filter((name) => !known.some((m) => nameOf(m) === name));
    if (unknown.length > 0) {
      throw new BackupDamaged(`Die Sicherung stammt von einer neueren Version des Empfehlungsradars (unbekannte Migration ${unknown.join(', ')}). Bitte mit dieser oder einer neueren Version wiederherstellen.`);
    }
  }
  await runMigrationSet(url, MIGRATION_TABLES[set], upTo ? known.filter((m) => upTo.includes(nameOf(m))) : known);
}

/** Runs `migrations` (those not yet recorded in `table`), each in its own transaction. */
export async function runMigrationSet(url: string, table: string, migrations: Migration[]): Promise<void> {
  const dataSource = new DataSource({ type: 'postgres', url, migrations, migrationsTableName: table, migrationsTransactionMode: 'each', logging: false });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations();
  } finally {
    await dataSource.destroy();
  }
}
