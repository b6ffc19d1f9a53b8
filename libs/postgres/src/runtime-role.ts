import { Client } from 'pg';

/**
 * The group role the running application's login role belongs to. Privileges go to it, not to a
 * login, so the login's name and password may be anything the operator chooses.
 */
export const RUNTIME_ROLE = 'empfehlungsradar_runtime';

/** Tables whose rows are history: read and appended to, never changed. */
const APPEND_ONLY = ['event_store.events'];
/** Each stream's head (revision, last hash), moved forward by every append. */
const HEADS = ['event_store.streams'];
/** Schemas whose tables the application keeps up to date itself: accounts, read models, reminders (outbox, contacts, calendar secrets), its own bookkeeping. */
const MAINTAINED_SCHEMAS = ['auth', 'read_model', 'reminders', 'public'];
/** What the runtime role may do with the tables of a maintained schema, live or a rebuild's shadow. */
const MAINTAINED_TABLE_PRIVILEGES = 'SELECT, INSERT, UPDATE, DELETE';
/** Migration records: the runtime reads them at start (nothing pending), only the owner writes them. */
const MIGRATION_TABLES = ['public.event_store_migrations', 'public.typeorm_migrations', 'public.auth_migrations'];

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const qualified = (table: string) => table.split('.').map(ident).join('.');

/**
 * Run by the owner after the migrations, at every start (idempotent): the runtime role may SELECT
 * and INSERT the event log and nothing more there (no UPDATE, DELETE, TRUNCATE; the append-only
 * trigger stays the owner's, so it cannot be disabled), move stream heads, and read and write the
 * tables it maintains. Creates the group role if the owner may; otherwise an administrator creates
 * it (README). With `runtimeUser`, that login joins the group.
 */
export async function grantRuntimeAccess(ownerUrl: string, runtimeUser?: string): Promise<{ granted: boolean; note?: string }> {
  const db = new Client({ connectionString: ownerUrl });
  db.on('error', () => undefined);
  await db.connect();
  try {
    if (!(await roleExists(db, RUNTIME_ROLE))) {
      try {
        await db.query(`CREATE ROLE ${ident(RUNTIME_ROLE)} NOLOGIN`);
      } catch (e) {
        // Another process created it meanwhile (42710), or the owner may not create roles (42501).
        if (!(await roleExists(db, RUNTIME_ROLE))) return { granted: false, note: `Rolle ${RUNTIME_ROLE} fehlt und darf nicht angelegt werden: ${(e as Error).message}` };
      }
    }
    const r = ident(RUNTIME_ROLE);
    const statements: string[] = [];
    const schemas = await existing(db, `SELECT nspname AS name FROM pg_namespace WHERE nspname = ANY($1)`, ['event_store', ...MAINTAINED_SCHEMAS]);
    for (const schema of schemas) statements.push(`GRANT USAGE ON SCHEMA ${ident(schema)} TO ${r}`);
    for (const schema of MAINTAINED_SCHEMAS.filter((s) => schemas.includes(s))) {
      statements.push(`GRANT ${MAINTAINED_TABLE_PRIVILEGES} ON ALL TABLES IN SCHEMA ${ident(schema)} TO ${r}`);
      statements.push(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${ident(schema)} TO ${r}`);
    }
    const tables = await existing(db, `SELECT t FROM unnest($1::text[]) AS t WHERE to_regclass(t) IS NOT NULL`, [...APPEND_ONLY, ...HEADS, ...MIGRATION_TABLES], 't');
    for (const table of tables) {
      const q = qualified(table);
      statements.push(`REVOKE ALL ON ${q} FROM ${r}`);
      if (APPEND_ONLY.includes(table)) statements.push(`GRANT SELECT, INSERT ON ${q} TO ${r}`);
      else if (HEADS.includes(table)) statements.push(`GRANT SELECT, INSERT, UPDATE ON ${q} TO ${r}`);
      else statements.push(`GRANT SELECT ON ${q} TO ${r}`);
    }
    if (runtimeUser) statements.push(`GRANT ${r} TO ${ident(runtimeUser)}`);
    await db.query('BEGIN');
    // Two processes starting together would otherwise fail with "tuple concurrently updated".
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('empfehlungsradar:grants'))`);
    for (const statement of statements) await db.query(statement);
    await db.query('COMMIT');
    return { granted: true };
  } catch (e) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await db.end().catch(() => undefined);
  }
}

/**
 * For a rebuild's fresh read-model schema before it is swapped in, the privileges `grantRuntimeAccess`
 * gives the live one (rebuild/shadow-schema.spec.ts compares them); a no-op without the group role.
 */
export async function grantRuntimeSchema(db: { query(sql: string, values?: unknown[]): Promise<{ rows: unknown[] }> }, schema: string): Promise<void> {
  const { rows } = await db.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [RUNTIME_ROLE]);
  if (rows.length === 0) return;
  await db.query(`GRANT USAGE ON SCHEMA ${ident(schema)} TO ${ident(RUNTIME_ROLE)}`);
  await db.query(`GRANT ${MAINTAINED_TABLE_PRIVILEGES} ON ALL TABLES IN SCHEMA ${ident(schema)} TO ${ident(RUNTIME_ROLE)}`);
}

async function roleExists(db: Client, role: string): Promise<boolean> {
  return ((await db.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role])).rowCount ?? 0) > 0;
}

async function existing(db: Client, sql: string, names: string[], column = 'name'): Promise<string[]> {
  return (await db.query<Record<string, string>>(sql, [names])).rows.map((row) => row[column]);
}
