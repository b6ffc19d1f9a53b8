import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import request from 'supertest';
import { CHECKPOINT, READ_MODEL_SCHEMA } from '@app/read-models';
import { rebuildReadModels } from '@app/rebuild';
import { chainHash } from '@app/event-store';
import { signManifest } from '../../apps/api/src/audit/offline/manifest-signature';
import { actors } from '../support/actors';
import { builtApplication } from '../support/build';
import { eventStoreOf } from '../support/event-log';
import { adopt, setUpRegion, type RegionFixture } from '../support/region-fixture';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Re-hashed history must not pass: manifests are signed with an Ed25519 key kept outside the
 * database, and `npm run audit:verify -- --manifest` (the built script, as a real process) compares
 * the log with a signed manifest and names the first event that differs. Tampering is done here as
 * the database's owner (the test database's superuser), the way an intruder with those rights would.
 */

interface Verified {
  code: number | null;
  report: {
    ok: boolean;
    message: string;
    chains: { ok: boolean };
    projections: { status: string; ok: boolean | null; livePosition?: string };
    manifest?: { ok: boolean; signature: { ok: boolean; reason?: string }; events: number; firstDifference?: Record<string, unknown> };
  };
  output: string;
}

const dir = mkdtempSync(join(tmpdir(), 'signed-manifest-'));
const keyFile = join(dir, 'audit-signing-key.pem');
writeFileSync(keyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });

let script: string;
beforeAll(async () => {
  script = join(await builtApplication(), 'scripts', 'audit-verify.js');
}, 6 * 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The installation's DATA_DIR for the script: empty, so no signing key of its own is found there. */
const emptyDataDir = mkdtempSync(join(dir, 'data-'));

function verify(databaseUrl: string, ...args: string[]): Promise<Verified> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, '--json', ...args],
      // No AUDIT_SIGNING_KEY: the script must check with the public key it is given, not with the installation's.
      { env: { ...process.env, DATABASE_URL: databaseUrl, DATA_DIR: emptyDataDir, LOG_LEVEL: 'error' }, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        let report: Verified['report'];
        try {
          report = JSON.parse(stdout) as Verified['report'];
        } catch {
          report = { ok: false, message: `no JSON: ${stdout.slice(0, 500)}`, chains: { ok: false }, projections: { status: '?', ok: null } };
        }
        resolve({ code, report, output: `${stdout.slice(0, 2000)}\n${stderr.slice(0, 2000)}` });
      },
    );
  });
}

/** A region with a recommendation of five events (adopted, handed off, accepted, two reports), applied by the inline projector. */
async function world(t: TestApp): Promise<{ f: RegionFixture; recommendationId: string }> {
  const f = await setUpRegion(t.url);
  const recommendationId = await adopt(t.url, f);
  const rec = `${f.base}/recommendations/${recommendationId}`;
  const member = actors.committee(f.committeeId);
  await request(t.url).post(`${rec}/hand-offs`).set(actors.steering()).send({ committeeId: f.committeeId, mandate: 'Umsetzen', reportDueOn: '2026-12-31', decidedOn: '2026-04-15' }).expect(201);
  await request(t.url).post(`${rec}/hand-offs/${f.committeeId}/acceptance`).set(member).send({ on: '2026-05-04' }).expect(201);
  for (const [status, reportedOn] of [['in_progress', '2026-06-15'], ['partially_implemented', '2026-09-15']]) {
    await request(t.url).post(`${rec}/status-reports`).set(member).send({ committeeId: f.committeeId, status, summary: 'Bericht.', evidence: [], reportedOn }).expect(201);
  }
  await projectorAtHead(t);
  return { f, recommendationId };
}

/** Waits (polling a condition, not a fixed time) until the inline projector's checkpoint stands at the log's head. */
async function projectorAtHead(t: TestApp): Promise<void> {
  const pool = new Pool({ connectionString: t.db.url, max: 1 });
  try {
    for (const until = Date.now() + 60_000; ; ) {
      const { rows } = await pool.query<{ at: boolean }>(
        `SELECT (SELECT position FROM ${READ_MODEL_SCHEMA}.projection_checkpoints WHERE name = $1) = (SELECT max(position) FROM event_store.events) AS at`,
        [CHECKPOINT],
      );
      if (rows[0]?.at) return;
      if (Date.now() > until) throw new Error('the inline projector did not reach the head within 60 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await pool.end();
  }
}

async function signedManifest(t: TestApp, f: RegionFixture): Promise<{ manifest: Record<string, unknown>; manifestFile: string; publicKeyFile: string }> {
  const manifest = (await request(t.url).get(`${f.base}/audit/export/manifest`).set(actors.auditor()).expect(200)).body as Record<string, unknown>;
  const key = (await request(t.url).get(`${f.base}/audit/signing-key`).set(actors.auditor()).expect(200)).body as { publicKey: string; keyId: string };
  expect(manifest.signature).toEqual({ algorithm: 'Ed25519', keyId: key.keyId, value: expect.stringMatching(/^[A-Za-z0-9+/]{86}==$/) });
  const manifestFile = join(dir, `manifest-${f.regionId}.json`);
  const publicKeyFile = join(dir, `public-${f.regionId}.pem`);
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  writeFileSync(publicKeyFile, key.publicKey);
  return { manifest, manifestFile, publicKeyFile };
}

/** Every event of the test database (it holds this one region only). */
async function eventCount(t: TestApp): Promise<number> {
  const pool = new Pool({ connectionString: t.db.url, max: 1 });
  try {
    return (await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM event_store.events')).rows[0]!.n;
  } finally {
    await pool.end();
  }
}

/** As the owner: the append-only trigger off for the duration of `work`. */
async function asOwner(t: TestApp, work: (pool: Pool) => Promise<void>): Promise<void> {
  const pool = new Pool({ connectionString: t.db.url, max: 1 });
  try {
    await pool.query('ALTER TABLE event_store.events DISABLE TRIGGER events_append_only');
    await work(pool);
    await pool.query('ALTER TABLE event_store.events ENABLE TRIGGER events_append_only');
  } finally {
    await pool.end();
  }
}

/** Each case tampers with a log of its own: an app, a region with a reported recommendation, and the manifest the API signed for it. */
function signedWorld(): { t: TestApp; f: RegionFixture; recommendationId: string; signed: Awaited<ReturnType<typeof signedManifest>> } {
  const w = {} as ReturnType<typeof signedWorld>;
  beforeAll(async () => {
    w.t = await startTestApp({ PROJECTOR: 'inline', AUDIT_SIGNING_KEY: keyFile });
    Object.assign(w, await world(w.t));
    w.signed = await signedManifest(w.t, w.f);
  }, 120_000);
  afterAll(() => w.t?.close());
  return w;
}

describe('signed audit manifests and audit:verify --manifest', () => {
  describe('a re-hashed edit', () => {
    const w = signedWorld();

    it('passes against the untouched log (exit 0), every signed event compared', async () => {
      const stored = await eventCount(w.t);
      const v = await verify(w.t.db.url, '--manifest', w.signed.manifestFile, '--public-key', w.signed.publicKeyFile);
      expect({ code: v.code, ok: v.report.ok, manifest: v.report.manifest?.ok, events: v.report.manifest?.events }).toEqual({ code: 0, ok: true, manifest: true, events: stored });
      expect(v.report.message).toMatch(new RegExp(`^Das Protokoll stimmt mit dem signierten Manifest vom .* überein: ${stored} Ereignisse unverändert\\.`));
    });

    it('refuses an altered manifest, one signed with another key, and an unsigned one (exit 1)', async () => {
      const streamId = `recommendation-${w.recommendationId}`;
      const heads = w.signed.manifest.heads as Record<string, { revision: string; hash: string }>;
      const altered = { ...w.signed.manifest, heads: { ...heads, [streamId]: { ...heads[streamId]!, hash: '0'.repeat(64) } } };
      const foreignKey = generateKeyPairSync('ed25519').privateKey;
      const { signature: _dropped, ...unsigned } = w.signed.manifest;
      const cases: [string, unknown, string][] = [
        ['altered', altered, 'Manifest abgelehnt: Die Signatur passt nicht zum Inhalt: das Manifest wurde nach dem Signieren verändert.'],
        ['foreign', signManifest(altered, foreignKey), 'es ist nicht mit diesem Schlüssel signiert.'],
        ['unsigned', unsigned, 'Manifest abgelehnt: Das Manifest ist nicht signiert.'],
      ];
      for (const [name, manifest, message] of cases) {
        const file = join(dir, `${name}.json`);
        writeFileSync(file, JSON.stringify(manifest));
        const v = await verify(w.t.db.url, '--manifest', file, '--public-key', w.signed.publicKeyFile);
        expect({ name, code: v.code, ok: v.report.ok, signature: v.report.manifest?.signature.ok, chains: v.report.chains.ok }).toEqual({ name, code: 1, ok: false, signature: false, chains: true });
        expect(v.report.message).toContain(message);
      }
    });

    it('names the edited event when its stream was re-hashed to pass the chain check (exit 1)', async () => {
      const streamId = `recommendation-${w.recommendationId}`;
      const events = await eventStoreOf(w.t.app).readStream(streamId);
      const target = events[1]!; // the hand-off
      await asOwner(w.t, async (pool) => {
        await pool.query(`UPDATE event_store.events SET data = jsonb_set(data, '{mandate}', '"Nichts tun"') WHERE event_id = $1`, [target.id]);
        // Every hash from the edited event on, recomputed with the store's own function, and the stream head.
        const { rows } = await pool.query<{ event_id: string; revision: string; type: string; data: unknown; metadata: never; recorded_at: Date; hash: Buffer }>(
          `SELECT event_id, revision::text, type, data, metadata, recorded_at, hash FROM event_store.events WHERE stream_id = $1 ORDER BY revision`,
          [streamId],
        );
        let previous: Buffer = Buffer.alloc(0);
        for (const row of rows) {
          const hash = chainHash(previous, { streamId, revision: BigInt(row.revision), eventId: row.event_id, type: row.type, data: row.data, metadata: row.metadata, recordedAt: row.recorded_at });
          if (!hash.equals(row.hash)) await pool.query('UPDATE event_store.events SET hash = $2 WHERE event_id = $1', [row.event_id, hash]);
          previous = hash;
        }
        await pool.query('UPDATE event_store.streams SET head_hash = $2 WHERE stream_id = $1', [streamId, previous]);
      });
      // The intruder also rebuilds the read models, so nothing but the signed manifest can tell.
      const pool = new Pool({ connectionString: w.t.db.url, max: 2 });
      try {
        await rebuildReadModels({ store: eventStoreOf(w.t.app), pool });
      } finally {
        await pool.end();
      }
      const without = await verify(w.t.db.url);
      expect({ code: without.code, ok: without.report.ok, chains: without.report.chains.ok }).toEqual({ code: 0, ok: true, chains: true });

      const v = await verify(w.t.db.url, '--manifest', w.signed.manifestFile, '--public-key', w.signed.publicKeyFile);
      expect(v.code).toBe(1);
      expect(v.report.manifest).toMatchObject({
        ok: false,
        signature: { ok: true },
        firstDifference: { kind: 'changed', streamId, revision: '1', eventId: target.id, position: target.position.toString(), stored: { eventId: target.id, position: target.position.toString() } },
      });
      expect(v.report.message).toContain(`zuerst Ereignis ${target.id} (Stream ${streamId}, Revision 1, Position ${target.position}) wurde verändert`);
    });
  });

  describe('an event the projector had applied, deleted', () => {
    const w = signedWorld();

    it('is a failure (exit 1, projections "lost"), not "behind", even with the stream head patched; the manifest names it as missing', async () => {
      const streamId = `recommendation-${w.recommendationId}`;
      const events = await eventStoreOf(w.t.app).readStream(streamId);
      const last = events.at(-1)!;
      const before = events.at(-2)!;
      await asOwner(w.t, async (pool) => {
        const { rows } = await pool.query<{ hash: Buffer }>('SELECT hash FROM event_store.events WHERE event_id = $1', [before.id]);
        await pool.query('DELETE FROM event_store.events WHERE event_id = $1', [last.id]);
        await pool.query('UPDATE event_store.streams SET revision = $2, head_hash = $3 WHERE stream_id = $1', [streamId, before.revision.toString(), rows[0]!.hash]);
      });

      const without = await verify(w.t.db.url);
      expect({ code: without.code, ok: without.report.ok, chains: without.report.chains.ok, projections: without.report.projections }).toEqual({
        code: 1,
        ok: false,
        chains: true,
        projections: { status: 'lost', ok: false, livePosition: last.position.toString() },
      });
      expect(without.report.message).toContain(`Das Ereignis an Position ${last.position}, das der Projektor schon angewandt hatte, fehlt im Protokoll`);

      const v = await verify(w.t.db.url, '--manifest', w.signed.manifestFile, '--public-key', w.signed.publicKeyFile);
      expect(v.code).toBe(1);
      expect(v.report.manifest).toMatchObject({
        ok: false,
        firstDifference: { kind: 'missing', streamId, revision: last.revision.toString(), eventId: last.id, position: last.position.toString(), stored: null },
      });
      expect(v.report.message).toContain(`zuerst Ereignis ${last.id} (Stream ${streamId}, Revision ${last.revision}, Position ${last.position}) fehlt im Protokoll`);
    });

    it('the API names the loss too (GET …/audit/verify)', async () => {
      const res = await request(w.t.url).get(`${w.f.base}/audit/verify`).set(actors.auditor()).expect(200);
      expect({ ok: res.body.ok, projections: res.body.projections.status }).toEqual({ ok: false, projections: 'lost' });
    });
  });

  it('a wrong call is exit 64: a manifest that is not JSON, or no key to check it with', async () => {
    const t = await startTestApp();
    try {
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, '{ kein json');
      expect((await verify(t.db.url, '--manifest', bad, '--public-key', keyFile)).code).toBe(64);
      const good = join(dir, 'unsigned-ok.json');
      writeFileSync(good, JSON.stringify({ regionId: '00000000-0000-4000-8000-000000000000' }));
      const noKey = await verify(t.db.url, '--manifest', good);
      expect(noKey.code).toBe(64);
      expect(noKey.output).toContain('Kein Prüfschlüssel');
    } finally {
      await t.close();
    }
  });
});
