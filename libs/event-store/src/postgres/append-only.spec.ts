import { createTestDatabase } from '@app/testing';
import { Client } from 'pg';
import { newEvents, uniqueStream } from '../contract/support';
import { migrateEventStore } from './migrate';
import { migratedStore } from './test-store';

describe('PostgreSQL event store: append-only table and migration', () => {
  let subject: Awaited<ReturnType<typeof migratedStore>>;
  let sql: Client;
  beforeAll(async () => {
    subject = await migratedStore(createTestDatabase, 'event_store_append_only');
    sql = new Client({ connectionString: subject.db.url });
    await sql.connect();
    await subject.store.append(uniqueStream(), newEvents(3), { expectedRevision: 'no_stream' });
  });
  afterAll(async () => {
    await sql.end();
    await subject.dispose();
  });

  it.each([
    ['UPDATE', `UPDATE event_store.events SET type = 'Forged'`],
    ['UPDATE', `UPDATE event_store.events SET type = 'Forged' WHERE false`],
    ['DELETE', `DELETE FROM event_store.events`],
    ['TRUNCATE', `TRUNCATE event_store.events`],
  ])('refuses %s with a clear message: %s', async (op, statement) => {
    await expect(sql.query(statement)).rejects.toThrow(`event_store.events ist nur fortschreibbar: ${op} ist verboten`);
    const { rows } = await sql.query('SELECT count(*)::int AS n FROM event_store.events');
    expect(rows[0].n).toBe(3);
  });

  it('keeps its tables in the event_store schema and its own migrations table; migrating again changes nothing', async () => {
    await migrateEventStore(subject.db.url);
    const { rows } = await sql.query(
      `SELECT table_schema || '.' || table_name AS t FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1`,
    );
    expect(rows.map((r) => r.t)).toEqual(['event_store.events', 'event_store.streams', 'public.event_store_migrations']);
    const migrations = await sql.query('SELECT name FROM public.event_store_migrations');
    expect(migrations.rows.map((r) => r.name)).toEqual(['CreateEventStore1763900000000']);
  });
});
