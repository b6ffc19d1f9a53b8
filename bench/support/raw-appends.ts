import { migrateEventStore, PostgresEventStore } from '@app/event-store/postgres';
import { Client } from 'pg';
import { withDatabase } from '@app/postgres';
import { plan, shares } from './workload';

/**
 * The event store's own append rate, as `npm run bench:append` measures its concurrent case: one
 * event per append, `expectedRevision: 'any'`, `writers` writers over 1,000 streams, in a database
 * of its own on the given server. Returns events per second.
 */
export async function rawAppendRate(serverUrl: string, events: number, writers: number): Promise<{ rate: number; ms: number }> {
  const name = `bench_raw_appends_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = withDatabase(serverUrl, name);
    await migrateEventStore(url);
    const store = new PostgresEventStore({ url, maxConnections: writers + 2, notify: false });
    try {
      const planned = plan(events, 1_000, 'raw');
      const started = performance.now();
      await Promise.all(
        shares(planned, writers).map(async (share) => {
          for (const p of share) await store.append(p.streamId, [p.event], { expectedRevision: 'any' });
        }),
      );
      const ms = performance.now() - started;
      return { rate: events / (ms / 1000), ms };
    } finally {
      await store.close();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}
