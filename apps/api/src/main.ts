import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@app/config';
import { onStopSignal } from '@app/postgres';
import { createApp } from './app.factory';
import { AppLogger } from './observability/app-logger';
import { bootLog } from './observability/logging';
import { resolveDatabase } from './bootstrap/database';
import { drainOnStop } from './bootstrap/drain';
import { seedDemoIfEmpty } from './demo';

async function main(): Promise<void> {
  const logger = new Logger('Empfehlungsradar');
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const database = await resolveDatabase(config, bootLog(config, 'Empfehlungsradar'));
  const app = await createApp({ config, databaseUrl: database.url });
  // First start of the embedded database: the demo network, before anyone can see a half-seeded one.
  await app.init();
  await seedDemoIfEmpty(app, config, database, (line) => logger.log(line));
  // Requests in flight are answered and the connections drained, the projector ends its batch, then
  // the pools and the database close.
  const drain = drainOnStop(app.getHttpServer());
  onStopSignal(() =>
    drain(10_000)
      .then(() => app.close())
      .then(() => database.stop())
      .then(
        () => process.exit(0),
        (e: unknown) => {
          console.error(e);
          process.exit(1);
        },
      ),
  );
  await app.listen(config.PORT, config.HOST);
  // One line instead of Nest's line per module and route (those come with LOG_LEVEL=debug).
  const routes = app.get(AppLogger).routeCount;
  logger.log(
    `Empfehlungsradar läuft: http://${config.HOST}:${config.PORT}/ (API-Dokumentation: /api/docs; ${routes} Routen; ` +
      `Datenbank: ${database.embedded ? 'eingebettet' : 'DATABASE_URL'}; Ereignisspeicher: ${config.EVENTSTORE_URL ? 'EventStoreDB' : 'PostgreSQL'}; ` +
      `Projektor: ${config.PROJECTOR}; Kennzahlen: ${config.METRICS_TOKEN ? '/api/metrics mit METRICS_TOKEN' : 'aus (METRICS_TOKEN fehlt)'})`,
  );
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
