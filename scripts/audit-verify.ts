import 'reflect-metadata';
import { Pool } from 'pg';
import { ConfigError, loadConfig } from '@app/config';
import type { RecordedEvent } from '@app/event-store';
import { migrateEventStore, PostgresEventStore } from '@app/event-store/postgres';
import { resolveDatabase } from '../apps/api/src/bootstrap/database';
import { regionEventsOf } from '../apps/api/src/audit/offline/region-events';
import { verifyRegion } from '../apps/api/src/audit/verify/verify-region';

const USAGE = `Aufruf: npm run audit:verify [-- --region <UUID>] [--json]

  Berechnet jede Hash-Kette des Ereignisprotokolls neu und vergleicht die Lesemodelle Zeile für
  Zeile mit einer frischen Wiedergabe. Datenbank: DATABASE_URL, sonst das eingebettete PostgreSQL.
  Exit-Code 0: OK; 1: gebrochene Kette oder abweichende Zeile; 64: falscher Aufruf.`;

function parseArgs(argv: string[]): { regionId?: string; json: boolean } {
  const out: { regionId?: string; json: boolean } = { json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') out.json = true;
    else if (argv[i] === '--region' && /^[0-9a-f-]{36}$/i.test(argv[i + 1] ?? '')) out.regionId = argv[++i].toLowerCase();
    else throw new Error(`Unbekanntes Argument ${argv[i]}.\n\n${USAGE}`);
  }
  return out;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    return 64;
  }
  const config = loadConfig();
  const database = await resolveDatabase(config, (line) => console.error(line));
  await migrateEventStore(database.url);
  const store = new PostgresEventStore({ url: database.url, notify: false });
  const pool = new Pool({ connectionString: database.url, max: 4 });
  try {
    let region: { regionId: string; events: RecordedEvent[]; eventsUpTo(head: bigint | undefined): Promise<RecordedEvent[]> } | undefined;
    if (args.regionId) {
      const regionId = args.regionId;
      const eventsUpTo = async (head: bigint | undefined): Promise<RecordedEvent[]> => {
        const all: RecordedEvent[] = [];
        let fromPosition: bigint | undefined;
        outer: for (;;) {
          const page = await store.readAll({ fromPosition, limit: 5000 });
          for (const event of page) {
            all.push(event);
            if (event.position === head) break outer;
          }
          if (page.length < 5000) break;
          fromPosition = page.at(-1)!.position;
        }
        return regionEventsOf(all, regionId);
      };
      region = { regionId, events: await eventsUpTo(await store.headPosition()), eventsUpTo };
    }
    const report = await verifyRegion({ store, pool, ...(region ? { region } : {}), now: new Date() });
    console.log(args.json ? JSON.stringify(report, null, 2) : `${report.ok ? 'OK' : 'NICHT OK'}: ${report.message}\n${JSON.stringify({ chains: report.chains, projections: report.projections }, null, 2)}`);
    return report.ok ? 0 : 1;
  } finally {
    await pool.end();
    await store.close();
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
