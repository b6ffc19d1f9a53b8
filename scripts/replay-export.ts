import { createPrivateKey, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { calendarDateOf } from '@app/domain';
import { parseReplayArgs, REPLAY_USAGE, ReplayUsageError } from '../apps/api/src/audit/offline/replay-args';
import { replayExport } from '../apps/api/src/audit/offline/replay';
import { replaySummary } from '../apps/api/src/audit/offline/summary';
import type { ExportManifest } from '../apps/api/src/audit/offline/manifest';

/**
 * `npm run audit:replay -- export.ndjson --manifest manifest.json --cohort conference:<id> --asOf 2021-06-30`:
 * the auditor's independent replay. Reads only the files named; no database, no server, no network.
 */
function main(): number {
  let args;
  try {
    args = parseReplayArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof ReplayUsageError) {
      console.error(`${e.message}\n\n${REPLAY_USAGE}`);
      return 64;
    }
    throw e;
  }
  const bytes = readFileSync(args.exportPath);
  const manifest = args.manifestPath ? (JSON.parse(readFileSync(args.manifestPath, 'utf8')) as ExportManifest) : undefined;
  const since = args.sincePath ? (JSON.parse(readFileSync(args.sincePath, 'utf8')) as ExportManifest) : undefined;
  if (args.publicKeyPath && !args.manifestPath && !args.sincePath) {
    console.error(`--public-key prüft die Signaturen von --manifest und --since; keines ist angegeben.\n\n${REPLAY_USAGE}`);
    return 64;
  }
  let publicKey;
  if (args.publicKeyPath) {
    const pem = readFileSync(args.publicKeyPath, 'utf8');
    try {
      publicKey = pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
    } catch {
      console.error(`${args.publicKeyPath} enthält keinen Schlüssel im PEM-Format.`);
      return 64;
    }
  }
  const report = replayExport(bytes, {
    ...(publicKey ? { publicKey } : {}),
    ...(manifest ? { manifest } : {}),
    ...(since ? { since } : {}),
    ...(args.cohort ? { cohort: args.cohort, point: { asOf: args.asOf ?? calendarDateOf(new Date()), ...(args.knownAt ? { knownAt: args.knownAt } : {}) } } : {}),
  });
  console.log(args.json ? JSON.stringify(report, null, 2) : replaySummary(report));
  return report.ok ? 0 : 1;
}

try {
  process.exit(main());
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
