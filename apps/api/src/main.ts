import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@app/config';
import { onStopSignal } from '@app/postgres';
import { describeFailure, EmbeddedPostgresError } from '../../../libs/postgres/src/embedded-error';
import { createApp } from './app.factory';
import { AppLogger } from './observability/app-logger';
import { bootLog } from './observability/logging';
import { resolveDatabase } from './bootstrap/database';
import { checkSchemaVersion } from './bootstrap/schema-version';
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
  const boot = bootLog(config, 'Empfehlungsradar');
  const database = await resolveDatabase(config, boot);
  let app;
  try {
    // A newer version's schema is refused; an older one is brought forward by the migrations below.
    const schema = await checkSchemaVersion(database.migrationUrl);
    if (schema.pending > 0 && !database.created) boot(`Datenbankschema: ${schema.pending} Migration(en) dieser Version stehen aus und werden jetzt ausgeführt (nur vorwärts).`);
    app = await createApp({ config, databaseUrl: database.url, ownerUrl: database.migrationUrl });
    // First start of the embedded database: the demo network, before anyone can see a half-seeded one.
    await app.init();
    await seedDemoIfEmpty(app, config, database, (line) => logger.log(line));
  } catch (e) {
    // Do not leave the embedded server behind as an orphan holding DATA_DIR.
    await app?.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    throw e;
  }
  const running = app;
  // Requests in flight are answered and the connections drained, the projector ends its batch, then
  // the pools and the database close.
  const drain = drainOnStop(running.getHttpServer());
  onStopSignal(() =>
    drain(10_000)
      .then(() => running.close())
      .then(() => database.stop())
      .then(
        () => process.exit(0),
        (e: unknown) => {
          console.error(describeFailure(e));
          process.exit(1);
        },
      ),
  );
  try {
    await app.listen(config.PORT, config.HOST);
  } catch (e) {
    await running.close().catch(() => undefined);
    await database.stop().catch(() => undefined);
    throw e;
  }
  // One line instead of Nest's line per module and route (those come with LOG_LEVEL=debug).
  const routes = running.get(AppLogger).routeCount;
  logger.log(
    `Empfehlungsradar läuft: http://${config.HOST}:${config.PORT}/ (API-Dokumentation: /api/docs; ${routes} Routen; ` +
      `Datenbank: ${database.embedded ? 'eingebettet' : 'DATABASE_URL'}; Ereignisspeicher: ${config.EVENTSTORE_URL ? 'EventStoreDB' : 'PostgreSQL'}; ` +
      `Projektor: ${config.PROJECTOR}; Kennzahlen: ${config.METRICS_TOKEN ? '/api/metrics mit METRICS_TOKEN' : 'aus (METRICS_TOKEN fehlt)'})`,
  );
}

void main().catch((e) => {
  // One sentence naming the cause first (a bare `undefined` told nobody anything); an unexpected error's stack after it.
  console.error(`Empfehlungsradar konnte nicht starten / could not start: ${describeFailure(e)}`);
  if (e instanceof Error && !(e instanceof EmbeddedPostgresError) && e.stack) console.error(e.stack);
  process.exit(1);
});
