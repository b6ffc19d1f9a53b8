import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError, loadConfig } from '@app/config';
import { onStopSignal } from '@app/postgres';
import { createApp } from './app.factory';
import { resolveDatabase } from './bootstrap/database';
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
  const database = await resolveDatabase(config, (line) => logger.log(line));
  const app = await createApp({ config, databaseUrl: database.url });
  // First start of the embedded database: the demo network, before anyone can see a half-seeded one.
  await app.init();
  await seedDemoIfEmpty(app, config, database, (line) => logger.log(line));
  // Requests in flight are answered, the projector ends its batch, then the pools and the database close.
  onStopSignal(() =>
    app
      .close()
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
  logger.log(`Empfehlungsradar läuft: http://${config.HOST}:${config.PORT}/  (API-Dokumentation: /api/docs)`);
}

void main().catch((e) => {
  console.error(e);
  process.exit(1);
});
