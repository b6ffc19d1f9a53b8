import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '@app/config';
import { migrateEventStore } from '@app/event-store/postgres';
import { grantRuntimeAccess } from '@app/postgres';
import { openAuthDataSource } from '../auth/data-source';
import { typeOrmOptions } from '../infrastructure/typeorm';

/**
 * With two roles, the owner brings every schema up to date before the application starts (event
 * store, accounts, the API's tables and the read models) and grants the runtime role what it needs;
 * the application's own start then finds nothing to migrate. `runtimeUser` (the login of
 * DATABASE_URL) is made a member of the runtime role if the owner may.
 */
export async function migrateAsOwner(config: AppConfig, ownerUrl: string, runtimeUser: string | undefined, log: (line: string) => void): Promise<void> {
  if (!config.EVENTSTORE_URL) await migrateEventStore(ownerUrl);
  await (await openAuthDataSource(ownerUrl)).destroy();
  const api = new DataSource({ ...(typeOrmOptions(ownerUrl) as DataSourceOptions), migrationsRun: true });
  await api.initialize();
  await api.destroy();
  const result = await grantRuntimeAccess(ownerUrl, runtimeUser).catch((e: Error) => ({ granted: false, note: e.message }));
  if (!result.granted) {
    log(`Rechte der Laufzeitrolle nicht vergeben / runtime role not granted: ${result.note ?? ''} (README, "Datenbankrollen")`);
  }
}
