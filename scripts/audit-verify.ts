import 'reflect-metadata';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Pool } from 'pg';
import { type AppConfig, loadConfig } from '@app/config';
import type { RecordedEvent } from '@app/event-store';
import { migrateEventStore, PostgresEventStore } from '@app/event-store/postgres';
import { resolveDatabase } from '../apps/api/src/bootstrap/database';
import { describeFailure } from '../libs/postgres/src/embedded-error';
import { verifyRegion } from '../apps/api/src/audit/verify/verify-region';
import { AuditReader } from '../apps/api/src/audit/audit-reader';
import { contentHashes } from '../apps/api/src/audit/offline/chains';
import { toExportLine } from '../apps/api/src/audit/offline/export-format';
import { signingKeyPath } from '../apps/api/src/audit/signing/signing-key';
import { compareWithManifest, type ManifestCheck } from '../apps/api/src/audit/verify/manifest-check';

const USAGE = `Aufruf: npm run audit:verify [-- --region <UUID>] [--manifest <Datei> [--public-key <Datei>]] [--json]

  Berechnet jede Hash-Kette des Ereignisprotokolls neu und vergleicht die Lesemodelle Zeile für
  Zeile mit einer frischen Wiedergabe. Datenbank: DATABASE_URL, sonst das eingebettete PostgreSQL.
  --manifest: prüft die Signatur eines Audit-Manifests (…/audit/export/manifest) und vergleicht jedes
  darin signierte Ereignis mit dem Protokoll; genannt wird das erste abweichende. Prüfschlüssel:
  --public-key (PEM; der öffentliche Schlüssel aus …/audit/signing-key), sonst der Signaturschlüssel
  der Installation (AUDIT_SIGNING_KEY bzw. DATA_DIR/audit-signing-key.pem).
  Exit-Code 0: OK; 1: gebrochene Kette, abweichende Zeile, verlorenes Ereignis oder Abweichung vom
  Manifest; 64: falscher Aufruf.`;

interface Args {
  regionId?: string;
  manifest?: string;
  publicKey?: string;
  json: boolean;
}

function parseArgs(argv: string[]): Args {
  const out: Args = { json: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') out.json = true;
    else if (argv[i] === '--region' && /^[0-9a-f-]{36}$/i.test(argv[i + 1] ?? '')) out.regionId = argv[++i].toLowerCase();
    else if (argv[i] === '--manifest' && argv[i + 1]) out.manifest = argv[++i];
    else if (argv[i] === '--public-key' && argv[i + 1]) out.publicKey = argv[++i];
    else throw new Error(`Unbekanntes Argument ${argv[i]}.\n\n${USAGE}`);
  }
  if (out.publicKey && !out.manifest) throw new Error(`--public-key nur zusammen mit --manifest.\n\n${USAGE}`);
  return out;
}

class UsageError extends Error {}

/** The manifest file and the key to check it with; a file that cannot be read is a wrong call (64). */
async function manifestInput(args: Args, config: AppConfig): Promise<{ manifest: unknown; regionId: string; publicKey: KeyObject } | undefined> {
  if (!args.manifest) return undefined;
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(args.manifest, 'utf8'));
  } catch (e) {
    throw new UsageError(`Das Manifest ${args.manifest} ist nicht lesbar: ${(e as Error).message}`);
  }
  const regionId = String((manifest as { regionId?: unknown })?.regionId ?? '').toLowerCase();
  if (!/^[0-9a-f-]{36}$/.test(regionId)) throw new UsageError(`Das Manifest ${args.manifest} nennt keine Bildungsregion (regionId).`);
  if (args.regionId && args.regionId !== regionId) throw new UsageError(`--region ${args.regionId} passt nicht zum Manifest (Region ${regionId}).`);
  const keyFile = args.publicKey ?? signingKeyPath(config);
  let pem: string;
  try {
    pem = await readFile(keyFile, 'utf8');
  } catch {
    throw new UsageError(
      args.publicKey ? `Der Prüfschlüssel ${keyFile} ist nicht lesbar.` : `Kein Prüfschlüssel: ${keyFile} gibt es nicht; bitte --public-key <Datei> angeben (…/audit/signing-key).`,
    );
  }
  try {
    return { manifest, regionId, publicKey: pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem) };
  } catch {
    throw new UsageError(`${keyFile} enthält keinen Schlüssel im PEM-Format.`);
  }
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
  let signed;
  try {
    signed = await manifestInput(args, config);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(e.message);
    return 64;
  }
  if (signed) args.regionId = signed.regionId;
  const database = await resolveDatabase(config, (line) => console.error(line), 'attach');
  // As the owner: the comparison replays into a schema of its own, which the runtime role may not create.
  await migrateEventStore(database.migrationUrl);
  const store = new PostgresEventStore({ url: database.migrationUrl, notify: false });
  const pool = new Pool({ connectionString: database.migrationUrl, max: 4 });
  try {
    let region: { regionId: string; events: RecordedEvent[]; eventsUpTo(head: bigint | undefined): Promise<RecordedEvent[]> } | undefined;
    if (args.regionId) {
      const regionId = args.regionId;
      const eventsUpTo = async (head: bigint | undefined): Promise<RecordedEvent[]> =>
        head === undefined ? [] : (await store.readLog({ streams: { key: 'regionId', value: regionId }, toPosition: head })).events;
      region = { regionId, events: await eventsUpTo(await store.headPosition()), eventsUpTo };
    }
    const verified = await verifyRegion({ store, pool, ...(region ? { region } : {}), now: new Date() });
    let report: typeof verified & { manifest?: ManifestCheck } = verified;
    if (signed) {
      const log = await new AuditReader(store).regionLog(signed.regionId);
      // Hashes as the events' content demands, so an edit whose stored hash was left alone is named too.
      const lines = log.events.map((e) => toExportLine(e, log.hashes.get(e.id) ?? ''));
      const hashes = contentHashes(lines);
      const stored = lines.map((l, i) => ({ streamId: l.streamId, revision: l.revision, eventId: l.eventId, position: l.position, hash: hashes[i]! }));
      const manifest = compareWithManifest(signed.manifest, signed.publicKey, stored);
      report = { ...verified, ok: verified.ok && manifest.ok, manifest, message: `${manifest.message} ${verified.message}` };
    }
    const details = { chains: report.chains, projections: report.projections, ...(report.manifest ? { manifest: report.manifest } : {}) };
    console.log(args.json ? JSON.stringify(report, null, 2) : `${report.ok ? 'OK' : 'NICHT OK'}: ${report.message}\n${JSON.stringify(details, null, 2)}`);
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
    console.error(describeFailure(e));
    process.exit(1);
  },
);
