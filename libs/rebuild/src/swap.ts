import type { Pool } from 'pg';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Puts a fully built shadow schema in place of the live one. Both renames happen in one
 * transaction, so a reader sees either all old tables or all new ones, never a mix or a half-built
 * model. The lock on the live checkpoint waits for a running projector batch to finish; that
 * projector then finds the rebuilt checkpoint (not the one it expects), drops its state and carries
 * on from there. A query waiting on a renamed table looks its name up again after the lock and
 * reads the new table. The old schema is dropped after the swap commits.
 */
export async function swapIn(pool: Pool, live: string, shadow: string): Promise<void> {
  const old = `${live}_old`;
  await pool.query(`DROP SCHEMA IF EXISTS ${quote(old)} CASCADE`);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rowCount } = await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [live]);
    if (rowCount) {
      const checkpoints = await client.query(`SELECT to_regclass($1) AS table`, [`${quote(live)}.projection_checkpoints`]);
      if (checkpoints.rows[0].table) await client.query(`LOCK TABLE ${quote(live)}.projection_checkpoints IN ACCESS EXCLUSIVE MODE`);
      await client.query(`ALTER SCHEMA ${quote(live)} RENAME TO ${quote(old)}`);
    }
    await client.query(`ALTER SCHEMA ${quote(shadow)} RENAME TO ${quote(live)}`);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  await pool.query(`DROP SCHEMA IF EXISTS ${quote(old)} CASCADE`);
}
