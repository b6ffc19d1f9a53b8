import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { createApp } from '../apps/api/src/app.factory';
import { resolveDatabase } from '../apps/api/src/bootstrap/database';
import { describeFailure } from '../libs/postgres/src/embedded-error';
import { seedDemo } from '../apps/api/src/demo';

/**
 * `npm run seed:demo`: registers the demo network "Bildungsregion Stadt Düsseldorf (Demodaten)" in
 * the configured database (DATABASE_URL, else the embedded one under DATA_DIR) by issuing its
 * commands through the application's CommandBus. Running it again writes nothing.
 * `--without-accounts` leaves out the demo accounts (their passwords are public).
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--without-accounts');
  if (unknown.length > 0) {
    console.error(`Unbekannte Option: ${unknown.join(' ')}\nAufruf: npm run seed:demo [-- --without-accounts]`);
    return 64; // EX_USAGE
  }
  const accounts = !args.includes('--without-accounts');
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  const database = await resolveDatabase(config, (line) => console.log(line), 'attach');
  // Say where the demo goes: a second copy in a database nobody meant is otherwise found out much later.
  console.log(`Ziel: ${database.description}.`);
  try {
    const app = await createApp({ config, databaseUrl: database.url });
    try {
      await app.init();
      const started = Date.now();
      const result = await seedDemo(app, { log: (line) => console.log(line), accounts });
      if (!result.alreadyPresent) {
        console.log(`Fertig: ${result.issued} Befehle in ${((Date.now() - started) / 1000).toFixed(1)} s, Bildungsregion ${result.regionId}.`);
      }
      if (accounts && !database.embedded) console.log('Hinweis: Die Demo-Konten haben öffentlich bekannte Passwörter und gelten nur für die Demoregion.');
      return 0;
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`seed:demo fehlgeschlagen / failed: ${describeFailure(e)}`);
    process.exit(1);
  },
);
