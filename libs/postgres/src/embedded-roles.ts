import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { RUNTIME_ROLE } from './runtime-role';

/** Kept in DATA_DIR, readable by its owner only. */
export const ROLES_FILE = 'database-roles.json';
export const OWNER_ROLE = 'empfehlungsradar_owner';
export const APP_ROLE = 'empfehlungsradar_app';

interface Credentials {
  owner: { user: string; password: string };
  runtime: { user: string; password: string };
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

function credentials(dataDir: string): Credentials {
  const file = join(dataDir, ROLES_FILE);
  if (existsSync(file)) {
    chmodSync(file, 0o600);
    return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  }
  const password = () => randomBytes(24).toString('base64url');
  const created: Credentials = { owner: { user: OWNER_ROLE, password: password() }, runtime: { user: APP_ROLE, password: password() } };
  writeFileSync(file, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return created;
}

/**
 * The embedded cluster's two login roles, made by its superuser at every start (idempotent): the
 * owner of the application's database and everything in it (runs the migrations), and the runtime
 * login, a member of RUNTIME_ROLE only. Their generated passwords live in DATA_DIR/database-roles.json
 * (mode 0600). A cluster from before the split has every object owned by the superuser; they are
 * handed to the owner here, so such a DATA_DIR upgrades at its next start.
 */
export async function ensureEmbeddedRoles(superuserUrl: string, dataDir: string): Promise<{ ownerUrl: string; runtimeUrl: string }> {
  const c = credentials(dataDir);
  const db = new Client({ connectionString: superuserUrl });
  db.on('error', () => undefined);
  await db.connect();
  try {
    await db.query('BEGIN');
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('empfehlungsradar:roles'))`);
    for (const { user: role, password } of [c.owner, c.runtime]) {
      const exists = (await db.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [role])).rowCount;
      const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD ${literal(password)}`;
      await db.query(`${exists ? 'ALTER' : 'CREATE'} ROLE ${ident(role)} WITH ${attributes}`);
    }
    if (!(await db.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [RUNTIME_ROLE])).rowCount) await db.query(`CREATE ROLE ${ident(RUNTIME_ROLE)} NOLOGIN`);
    await db.query(`GRANT ${ident(RUNTIME_ROLE)} TO ${ident(c.runtime.user)}`);
    await db.query(`ALTER DATABASE ${ident(await currentDatabase(db))} OWNER TO ${ident(c.owner.user)}`);
    await handOver(db, c.owner.user);
    await db.query('COMMIT');
  } catch (e) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    await db.end().catch(() => undefined);
  }
  const as = (user: string, password: string) => {
    const u = new URL(superuserUrl);
    u.username = encodeURIComponent(user);
    u.password = encodeURIComponent(password);
    return u.toString();
  };
  return { ownerUrl: as(c.owner.user, c.owner.password), runtimeUrl: as(c.runtime.user, c.runtime.password) };
}

async function currentDatabase(db: Client): Promise<string> {
  return (await db.query<{ name: string }>(`SELECT current_database() AS name`)).rows[0].name;
}

/** Schemas, tables, sequences, views and functions of the application's schemas, from whoever owned them to `owner`. */
async function handOver(db: Client, owner: string): Promise<void> {
  const o = ident(owner);
  const userSchemas = `n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'`;
  const { rows: schemas } = await db.query<{ name: string }>(
    `SELECT n.nspname AS name FROM pg_namespace n WHERE ${userSchemas} AND n.nspname <> 'public' AND pg_get_userbyid(n.nspowner) <> $1`,
    [owner],
  );
  for (const s of schemas) await db.query(`ALTER SCHEMA ${ident(s.name)} OWNER TO ${o}`);
  // Tables first: a table's identity and serial sequences follow it.
  const { rows: relations } = await db.query<{ name: string; kind: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE ${userSchemas} AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND pg_get_userbyid(c.relowner) <> $1
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
      ORDER BY c.relkind = 'S'`,
    [owner],
  );
  const alter: Record<string, string> = { r: 'TABLE', p: 'TABLE', f: 'FOREIGN TABLE', v: 'VIEW', m: 'MATERIALIZED VIEW', S: 'SEQUENCE' };
  for (const r of relations) await db.query(`ALTER ${alter[r.kind]} ${r.name} OWNER TO ${o}`);
  const { rows: routines } = await db.query<{ signature: string; kind: string }>(
    `SELECT p.oid::regprocedure::text AS signature, p.prokind AS kind FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE ${userSchemas} AND pg_get_userbyid(p.proowner) <> $1`,
    [owner],
  );
  for (const r of routines) await db.query(`ALTER ${r.kind === 'p' ? 'PROCEDURE' : 'FUNCTION'} ${r.signature} OWNER TO ${o}`);
}
