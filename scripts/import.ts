import 'reflect-metadata';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { SingleBar } from 'cli-progress';
import { ConfigError, loadConfig } from '@app/config';
import { createApp } from '../apps/api/src/app.factory';
import { resolveDatabase } from '../apps/api/src/bootstrap/database';
import { systemActor } from '../apps/api/src/command-pipeline/system-request';
import { ProblemException } from '../apps/api/src/http/problem.exception';
import { IMPORT_USAGE, ImportUsageError, parseImportArgs } from '../apps/api/src/import/cli/import-args';
import { isImportFileProblem } from '../apps/api/src/import/file/file-problem';
import { IMPORT_LIMITS } from '../apps/api/src/import/limits';
import { formatRowError } from '../apps/api/src/import/rows/import-row';
import { ImportService, type ImportProgress } from '../apps/api/src/import/run/import.service';

const EX_USAGE = 64;
const EX_DATAERR = 65;
const EX_NOINPUT = 66;

/**
 * `npm run import -- --region <uuid> [--dry-run] FILE`: the web import on the command line, against
 * the configured database (DATABASE_URL, else the embedded one under DATA_DIR). Refused rows are
 * printed as "Zeile N, Spalte X: …" and nothing is written; exit code 0 only when every row is accepted.
 */
async function main(): Promise<number> {
  let args;
  try {
    args = parseImportArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof ImportUsageError) {
      console.error(`${e.message}\n\n${IMPORT_USAGE}`);
      return EX_USAGE;
    }
    throw e;
  }
  let bytes: Buffer;
  try {
    if ((await stat(args.file)).size > IMPORT_LIMITS.maxFileBytes) {
      console.error(`Die Datei ist größer als ${IMPORT_LIMITS.maxFileBytes / 1024 / 1024} MB.`);
      return EX_DATAERR;
    }
    bytes = await readFile(args.file);
  } catch (e) {
    console.error(`Datei nicht lesbar: ${args.file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return EX_NOINPUT;
  }
  const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', SEED_DEMO: 'false' });
  const database = await resolveDatabase(config, (line) => console.error(line));
  try {
    const app = await createApp({ config, databaseUrl: database.url });
    try {
      await app.init();
      return await run(app.get(ImportService), args, bytes);
    } finally {
      await app.close();
    }
  } finally {
    await database.stop();
  }
}

async function run(service: ImportService, args: ReturnType<typeof parseImportArgs>, bytes: Buffer): Promise<number> {
  const importer = systemActor('office', [], 'import');
  let prepared;
  try {
    prepared = await service.prepare({ regionId: args.regionId, bytes, fileName: basename(args.file), mapping: args.mapping, importer });
  } catch (e) {
    if (isImportFileProblem(e) || e instanceof ProblemException) {
      console.error(e.message === '' ? String((e as ProblemException).problem?.detail) : (e as Error).message);
      return EX_DATAERR;
    }
    throw e;
  }
  const { simulation, plan } = prepared;
  console.log(`${basename(args.file)}: ${prepared.format}, ${plan.rows.length + new Set(plan.errors.map((e) => e.line)).size} Zeilen.`);
  for (const c of plan.proposals.conferences) console.log(`Neue Konferenz: ${c.name} (${c.date})`);
  for (const c of plan.proposals.committees) console.log(`Neues Gremium: ${c.name} (${c.kind})`);
  if (simulation.errors.length > 0) {
    for (const error of simulation.errors) console.log(formatRowError(error));
    console.log(`${new Set(simulation.errors.map((e) => e.line)).size} Zeile(n) abgelehnt; nichts geschrieben.`);
    return EX_DATAERR;
  }
  const already = [...simulation.setup, ...simulation.rows.flatMap((r) => r.steps)].length - simulation.toWrite;
  if (args.dryRun) {
    for (const row of simulation.rows) {
      console.log(`Zeile ${row.line} (${row.reference}): ${row.steps.map((s) => `${s.type} ${s.businessDate}${s.verdict === 'written' ? ' (bereits geschrieben)' : ''}`).join(', ')}`);
    }
    console.log(`Probelauf: alle Zeilen angenommen; ${simulation.toWrite} Befehle würden geschrieben, ${already} sind es bereits. Nichts geschrieben.`);
    return 0;
  }
  const started = Date.now();
  const bar = new SingleBar({ format: 'Import |{bar}| {value}/{total} Befehle | {percentage}%', barCompleteChar: '█', barIncompleteChar: '░', hideCursor: true, stream: process.stderr });
  bar.start(Math.max(simulation.toWrite, 1), 0);
  try {
    const done: ImportProgress = await service.execute(prepared, importer, (p) => bar.update(p.done));
    bar.update(Math.max(done.done, simulation.toWrite === 0 ? 1 : 0));
    bar.stop();
    console.log(`Importiert: ${done.done} Befehle in ${((Date.now() - started) / 1000).toFixed(1)} s${already > 0 ? `; ${already} waren bereits geschrieben` : ''}.`);
    return 0;
  } catch (e) {
    bar.stop();
    const domain = (e as { error?: { message?: string } }).error;
    console.error(`Import abgebrochen: ${domain?.message ?? (e as Error).message} Ein erneuter Aufruf mit derselben Datei schreibt nur, was noch fehlt.`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e instanceof ConfigError ? e.message : e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
