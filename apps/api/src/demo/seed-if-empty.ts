import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { seedDemo, type DemoSeedResult } from './demo-seeder';

/**
 * First start: with the embedded database (a local trial, never a configured production database),
 * SEED_DEMO=true (the default) and an empty event store, the demo network is registered so there is
 * something to look at. Call after the application is initialised, before it listens.
 */
export async function seedDemoIfEmpty(
  app: INestApplicationContext,
  config: Pick<AppConfig, 'SEED_DEMO'>,
  database: { embedded: boolean },
  log: (line: string) => void = () => undefined,
): Promise<DemoSeedResult | undefined> {
  if (!config.SEED_DEMO || !database.embedded) return undefined;
  if ((await app.get<EventStore>(EVENT_STORE).headPosition()) !== undefined) return undefined;
  log('Leere Datenbank: lege Demodaten an (abschalten mit SEED_DEMO=false).');
  return seedDemo(app, { log });
}
