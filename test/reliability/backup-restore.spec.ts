import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { RecordedEvent } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store/postgres';
import type { Cohort } from '@app/figures';
import type { ManifestBeside } from '../../apps/api/src/backup/format';
import { cohortFiguresAt } from '../../apps/api/src/audit/offline/region-figures';
import { regionEventsOf } from '../../apps/api/src/audit/offline/region-events';
import { demoCommitteeId, demoConferenceId, DEMO_REGION_ID } from '../../apps/api/src/demo/demo-ids';
import { signTestToken } from '../support/auth';
import { forgeBackup } from '../support/backup-files';
import { builtApplication } from '../support/build';
import { serverPort } from '../support/ports';
import { startApiProcess, waitFor, type ApiProcess } from '../support/processes';

/**
 * Backup and restore with real processes (issue 19, item 5): the API with the demo data on its own
 * embedded cluster, 8 clients writing without pause, `npm run backup` taken meanwhile, `npm run
 * restore` into a fresh DATA_DIR, and then: every write acknowledged before the backup began is
 * there exactly once, the restored log is exactly the original's up to the backup's position,
 * audit:verify passes, and every cohort's figures equal the original's at that position. Damaged
 * backups are refused, naming the damage, with nothing written.
 */
const WRITERS = 8;
/** The business day every figure is computed at, on both sides. */
const AS_OF = '2026-06-30';

interface Run {
  code: number | null;
  output: string;
}

function runScript(build: string, script: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(build, 'scripts', `${script}.js`), ...args], {
      env: { ...process.env, LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks: string[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c.toString()));
    child.stderr.on('data', (c: Buffer) => chunks.push(c.toString()));
    child.once('exit', (code) => resolve({ code, output: chunks.join('') }));
  });
}

const clusterUrl = (port: number) => `postgres://postgres:postgres@127.0.0.1:${port}/empfehlungsradar`;

async function allEvents(url: string): Promise<RecordedEvent[]> {
  const store = new PostgresEventStore({ url, notify: false, maxConnections: 2 });
  try {
    const out: RecordedEvent[] = [];
    let fromPosition: bigint | undefined;
    for (;;) {
      const page = await store.readAll({ fromPosition, limit: 5000 });
      out.push(...page);
      if (page.length < 5000) return out;
      fromPosition = page.at(-1)!.position;
    }
  } finally {
    await store.close();
  }
}

async function query<T extends object>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, values)).rows;
  } finally {
    await c.end();
  }
}

describe('backup while 8 clients write, restore into a fresh DATA_DIR', () => {
  const base = mkdtempSync(join(tmpdir(), 'backup-restore-'));
  // The embedded server runs as `postgres`, which must be able to enter the DATA_DIRs' parent.
  chmodSync(base, 0o755);
  const original = join(base, 'original');
  const restored = join(base, 'restored');
  const file = join(base, 'sicherung.backup');
  let build: string;
  let pgOriginal: number;
  let pgRestored: number;
  let api: ApiProcess | undefined;
  let apiRestored: ApiProcess | undefined;
  const headers = {
    Authorization: `Bearer ${signTestToken('office', { userId: 'buero.backup', regionIds: [DEMO_REGION_ID] })}`,
    'Content-Type': 'application/json',
  };

  beforeAll(async () => {
    build = await builtApplication();
    pgOriginal = await serverPort();
    pgRestored = await serverPort();
    api = await startApiProcess(build, { DATA_DIR: original, EMBEDDED_PG_PORT: String(pgOriginal), SEED_DEMO: 'true' });
  }, 300_000);

  afterAll(async () => {
    await apiRestored?.kill();
    await api?.kill();
    // The API's embedded servers outlive a SIGKILL of their node process: stop them by their pid files.
    for (const dir of [original, restored]) {
      const pid = existsSync(join(dir, 'pg', 'postmaster.pid')) ? Number(readFileSync(join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]) : 0;
      if (pid > 0) {
        try {
          process.kill(pid, 'SIGINT');
        } catch {
          // already gone
        }
        await waitFor(`postmaster ${pid} gone`, () => {
          try {
            process.kill(pid, 0);
            return false;
          } catch {
            return true;
          }
        }, 60_000).catch(() => undefined);
      }
    }
    rmSync(base, { recursive: true, force: true });
  }, 120_000);

  it('restores every acknowledged write once, the same log up to the backup position, and the same figures', async () => {
    // 8 writers: new recommendations of the 9th conference (its cohort's figures move) and new committees.
    const acks: { at: number; eventIds: string[] }[] = [];
    const failures: string[] = [];
    let stop = false;
    const writer = async (w: number) => {
      for (let i = 0; !stop; i++) {
        const adopt = i % 2 === 0;
        const path = adopt ? `/api/regions/${DEMO_REGION_ID}/recommendations` : `/api/regions/${DEMO_REGION_ID}/committees`;
        const body = adopt
          ? {
              conferenceId: demoConferenceId('bk9'),
              reference: `9. BK / L${w}-${i}`,
              title: `Lastprobe ${w}-${i}`,
              text: 'Während der Sicherung beschlossen.',
              fieldsOfAction: ['Übergang Schule/Beruf'],
              addressees: { committeeIds: [demoCommitteeId('bok')], decisionMakers: [] },
              originCommitteeIds: [],
              adoptedOn: '2021-03-17',
            }
          : { name: `Lastgremium ${w}-${i}`, shortName: `LG ${w}-${i}`, kind: 'fachgremium', fieldsOfAction: ['Inklusion'], effectiveOn: '2024-02-01' };
        const res = await fetch(`${api!.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
        const answer = (await res.json()) as { events?: { eventId: string }[] };
        if (res.status === 201) acks.push({ at: Date.now(), eventIds: answer.events!.map((e) => e.eventId) });
        else failures.push(`${res.status} ${JSON.stringify(answer).slice(0, 300)}`);
      }
    };
    const writers = Array.from({ length: WRITERS }, (_, w) => writer(w));
    try {
      await waitFor('40 writes acknowledged before the backup', () => acks.length >= 40 || failures.length > 0, 120_000);
      expect(failures).toEqual([]);
      const backupStarted = Date.now();
      const backup = await runScript(build, 'backup', [file], { DATA_DIR: original, EMBEDDED_PG_PORT: String(pgOriginal) });
      const backupEnded = Date.now();
      expect(backup.output).toContain('Gesichert:');
      expect(backup.code).toBe(0);
      expect(backup.output).toContain('läuft bereits');
      expect(backup.output).toMatch(/Größe: [\d.]+ Bytes/);
      const before = acks.filter((a) => a.at < backupStarted);
      const during = acks.filter((a) => a.at >= backupStarted && a.at <= backupEnded);
      console.log(`backup: ${before.length} writes acknowledged before it, ${during.length} while it ran (${backupEnded - backupStarted} ms)`);
      // The writers kept going while the backup ran.
      expect(during.length).toBeGreaterThan(0);
      const afterCount = acks.length;
      await waitFor('writes after the backup', () => acks.length >= afterCount + 8, 60_000);
      stop = true;
      await Promise.all(writers);
      expect(failures).toEqual([]);

      const manifest = JSON.parse(readFileSync(`${file}.manifest.json`, 'utf8')) as ManifestBeside;
      const last = BigInt(manifest.events.lastPosition!);
      const originalEvents = await allEvents(clusterUrl(pgOriginal));
      const cut = originalEvents.filter((e) => e.position <= last);
      expect(manifest.events.count).toBe(cut.length);
      // Writes after the backup exist in the original but must not be in the backup.
      expect(originalEvents.length).toBeGreaterThan(cut.length);

      const restore = await runScript(build, 'restore', [file], { DATA_DIR: restored, EMBEDDED_PG_PORT: String(pgRestored) });
      expect(restore.output).toContain('Wiederhergestellt:');
      if (restore.code !== 0) throw new Error(`restore exit ${restore.code}: ${restore.output}`);
      expect(restore.output).toContain('Lesemodelle');

      apiRestored = await startApiProcess(build, { DATA_DIR: restored, EMBEDDED_PG_PORT: String(pgRestored), SEED_DEMO: 'false' });
      const restoredUrl = clusterUrl(pgRestored);

      // Every write acknowledged before the backup began: present, exactly once.
      const ackedIds = before.flatMap((a) => a.eventIds);
      const counts = await query<{ event_id: string; n: number }>(restoredUrl, 'SELECT event_id::text, count(*)::int AS n FROM event_store.events WHERE event_id = ANY($1::uuid[]) GROUP BY event_id', [ackedIds]);
      expect(counts.length).toBe(ackedIds.length);
      expect(counts.every((c) => c.n === 1)).toBe(true);

      // The restored log is the original's up to the backup's position, event for event.
      const restoredEvents = await allEvents(restoredUrl);
      const shape = (e: RecordedEvent) => `${e.position} ${e.id} ${e.streamId}@${e.revision} ${e.type} ${e.recordedAt.toISOString()}`;
      expect(restoredEvents.map(shape).sort()).toEqual(cut.map(shape).sort());
      const hashes = async (url: string) =>
        (await query<{ h: string }>(url, `SELECT string_agg(encode(hash, 'hex'), '' ORDER BY position) AS h FROM event_store.events WHERE position <= $1`, [last.toString()]))[0].h;
      expect(await hashes(restoredUrl)).toBe(await hashes(clusterUrl(pgOriginal)));

      const verify = await runScript(build, 'audit-verify', [], { DATA_DIR: restored, EMBEDDED_PG_PORT: String(pgRestored) });
      expect({ code: verify.code, head: verify.output.split('\n').find((l) => l.startsWith('OK') || l.startsWith('NICHT')) }).toEqual({
        code: 0,
        head: expect.stringMatching(/^OK: Alle \d+ Hash-Ketten mit \d+ Ereignissen sind unversehrt/),
      });

      // Every cohort: each conference of the region and each year, the restored API against the
      // original's events up to the backup's position, computed by the same pure functions.
      const region = regionEventsOf(cut, DEMO_REGION_ID);
      const conferences = [...new Set(region.filter((e) => e.type === 'ConferenceScheduled').map((e) => (e.data as { conferenceId: string }).conferenceId))];
      expect(conferences.length).toBe(10);
      const cohorts: Cohort[] = [...conferences.map((conferenceId) => ({ conferenceId })), ...Array.from({ length: 18 }, (_, i) => ({ year: 2009 + i }))];
      const pick = (f: { value: unknown; numerator?: unknown; denominator?: unknown; count?: unknown }) => ({
        value: f.value,
        ...(f.numerator !== undefined ? { numerator: f.numerator, denominator: f.denominator } : {}),
        ...(f.count !== undefined ? { count: f.count } : {}),
      });
      let compared = 0;
      for (const cohort of cohorts) {
        const text = 'conferenceId' in cohort ? `conference:${cohort.conferenceId}` : `year:${cohort.year}`;
        const res = await fetch(`${apiRestored.url}/api/regions/${DEMO_REGION_ID}/figures?cohort=${text}&asOf=${AS_OF}`, { headers });
        expect(res.status).toBe(200);
        const body = (await res.json()) as { groups: { figures: Record<string, { value: unknown }> }[] };
        const served = Object.fromEntries(Object.entries(body.groups[0].figures).map(([k, v]) => [k, pick(v)]));
        const expected = cohortFiguresAt(region, cohort, { asOf: AS_OF }).figures;
        expect({ cohort: text, figures: served }).toEqual({ cohort: text, figures: expected });
        compared++;
      }
      expect(compared).toBe(28);
      // The 9th conference's cohort holds the load's recommendations up to the backup, not after.
      const bk9 = cohortFiguresAt(region, { conferenceId: demoConferenceId('bk9') }, { asOf: AS_OF });
      const loadAdopted = cut.filter((e) => e.type === 'RecommendationAdopted' && String((e.data as { reference: string }).reference).includes('/ L')).length;
      expect(bk9.members.filter((m) => m.reference.includes('/ L')).length).toBe(loadAdopted);
    } finally {
      stop = true;
      await Promise.all(writers);
    }
  }, 600_000);

  describe('a damaged backup is refused, naming the damage, and nothing is written', () => {
    const target = () => join(base, `target-${Math.random().toString(36).slice(2)}`);
    const restoreInto = async (f: string, dir: string) => runScript(build, 'restore', [f], { DATA_DIR: dir, EMBEDDED_PG_PORT: String(pgRestored + 1) });

    it('a truncated file', async () => {
      const cut = join(base, 'abgeschnitten.backup');
      const bytes = readFileSync(file);
      writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
      copyFileSync(`${file}.manifest.json`, `${cut}.manifest.json`);
      const dir = target();
      const run = await restoreInto(cut, dir);
      expect(run.code).toBe(65);
      expect(run.output).toContain(`Die Sicherung ist abgeschnitten: ${Math.floor(bytes.length / 2).toLocaleString('de-DE')} Bytes von ${bytes.length.toLocaleString('de-DE')} Bytes vorhanden`);
      expect(existsSync(dir)).toBe(false);
    });

    it('a truncated file without its manifest beside it', async () => {
      const cut = join(base, 'abgeschnitten-allein.backup');
      const bytes = readFileSync(file);
      writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
      const dir = target();
      const run = await restoreInto(cut, dir);
      expect(run.code).toBe(65);
      expect(run.output).toContain('an ihrem Ende steht kein Manifest');
      expect(existsSync(dir)).toBe(false);
    });

    it('one byte changed in the events', async () => {
      const altered = join(base, 'verändert.backup');
      const bytes = Buffer.from(readFileSync(file));
      const events = (JSON.parse(readFileSync(`${file}.manifest.json`, 'utf8')) as ManifestBeside).sections[0];
      const at = events.offset + Math.floor(events.bytes / 2);
      bytes[at] = bytes[at] ^ 0xff;
      writeFileSync(altered, bytes);
      copyFileSync(`${file}.manifest.json`, `${altered}.manifest.json`);
      const dir = target();
      const run = await restoreInto(altered, dir);
      expect(run.code).toBe(65);
      expect(run.output).toContain(`Die Sicherung wurde verändert: Abschnitt event_store.events (Bytes ${events.offset}–${events.offset + events.bytes - 1})`);
      expect(existsSync(dir)).toBe(false);
    });

    it('an event edited and every checksum recomputed: the hash chain names the event, into a non-empty target', async () => {
      const forged = join(base, 'gefälscht.backup');
      let edited = '';
      forgeBackup(file, forged, 'event_store.events', (rows) => {
        const lines = rows.split('\n');
        const i = lines.findIndex((l) => l.includes('Lastprobe'));
        edited = lines[i].split('\t')[0];
        lines[i] = lines[i].replace('Lastprobe', 'Fälschung');
        return lines.join('\n');
      });
      // The already restored DATA_DIR (its API stopped first): nothing in it may change.
      await apiRestored?.kill();
      apiRestored = undefined;
      const before = readFileSync(join(restored, 'pg', 'PG_VERSION'), 'utf8');
      const run = await runScript(build, 'restore', [forged, '--force'], { DATA_DIR: restored, EMBEDDED_PG_PORT: String(pgRestored) });
      expect(run.code).toBe(65);
      expect(run.output).toMatch(new RegExp(`Ereignis an Position ${edited} \\(Strom recommendation-[0-9a-f-]+, Revision 0\\): der gespeicherte Hash passt nicht zum Inhalt`));
      expect(run.output).not.toContain('--force: ersetze');
      expect(readFileSync(join(restored, 'pg', 'PG_VERSION'), 'utf8')).toBe(before);
    });

    it('a non-empty target is refused without --force, naming what is there, and replaced with it', async () => {
      const manifest = JSON.parse(readFileSync(`${file}.manifest.json`, 'utf8')) as ManifestBeside;
      const refused = await runScript(build, 'restore', [file], { DATA_DIR: restored, EMBEDDED_PG_PORT: String(pgRestored) });
      expect(refused.code).toBe(73);
      expect(refused.output).toMatch(new RegExp(`Das Ziel ist nicht leer: ${manifest.events.count} Ereignisse, ${manifest.accounts} Konten, ${manifest.regionSettings} Einstellungen von Bildungsregionen, \\d+ Empfehlungen in den Lesemodellen\\. Wiederherstellen ersetzt all das; dafür --force angeben\\.`));
      const forced = await runScript(build, 'restore', [file, '--force'], { DATA_DIR: restored, EMBEDDED_PG_PORT: String(pgRestored) });
      expect(forced.output).toContain(`--force: ersetze ${manifest.events.count} Ereignisse`);
      expect(forced.output).toContain(`Wiederhergestellt: ${manifest.events.count} Ereignisse bis Position ${manifest.events.lastPosition}`);
      if (forced.code !== 0) throw new Error(`restore --force exit ${forced.code}: ${forced.output}`);
    });

    it('never into a DATA_DIR whose API is running', async () => {
      const run = await runScript(build, 'restore', [file], { DATA_DIR: original, EMBEDDED_PG_PORT: String(pgOriginal) });
      expect(run.code).toBe(1);
      expect(run.output).toContain('läuft bereits');
      expect(run.output).toContain('wird benutzt');
    });
  });
});
