import 'reflect-metadata';
import { ConfigError, loadConfig } from '@app/config';
import { createApp } from '../apps/api/src/app.factory';
import { resolveDatabase } from '../apps/api/src/bootstrap/database';
import { ReminderPass } from '../apps/api/src/reminders/reminder-pass';

/**
 * `npm run reminders -- --once`: one reminder pass now (plan what is due today into the outbox,
 * send what is pending), for cron and for checks. Attaches to the configured database or the
 * embedded one under DATA_DIR, like the other ops commands; safe beside running API processes.
 * Exit code 0 when everything due was sent, 75 (EX_TEMPFAIL) when the SMTP server refused or was down.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length !== 1 || args[0] !== '--once') {
    console.error('Aufruf: npm run reminders -- --once');
    return 64; // EX_USAGE
  }
  // The pass runs here, once; the API's own schedule must not start a second one in this process.
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', REMINDERS: 'off', SEED_DEMO: 'false', PROJECTOR: 'off' });
  for (const name of ['SMTP_URL', 'MAIL_FROM', 'PUBLIC_URL'] as const) {
    if (!config[name]) {
      console.error(`${name} fehlt: Erinnerungen brauchen SMTP_URL, MAIL_FROM und PUBLIC_URL.`);
      return 78; // EX_CONFIG
    }
  }
  // Beside a running API: attach to its embedded cluster instead of refusing it.
  const database = await resolveDatabase(config, (line) => console.log(line), 'attach');
  try {
    const app = await createApp({ config, databaseUrl: database.url });
    try {
      await app.init();
      const result = await app.get(ReminderPass).run();
      console.log(`Erinnerungen: ${result.planned} neu geplant, ${result.sent} versandt${result.failed ? ', Versand gescheitert: neuer Versuch beim nächsten Lauf' : ''}.`);
      return result.failed ? 75 : 0;
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
    console.error(e instanceof ConfigError ? e.message : e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
