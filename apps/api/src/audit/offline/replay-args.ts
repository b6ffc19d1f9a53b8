import { isCalendarDate, type CalendarDate } from '@app/domain';
import type { Cohort } from '@app/figures';

export const REPLAY_USAGE = `Aufruf: npm run audit:replay -- <ausfuhr.ndjson> [--manifest <manifest.json>] [--since <frueheres-manifest.json>] [--public-key <schluessel.pem>] [--cohort conference:<UUID>|year:<JJJJ>] [--asOf JJJJ-MM-TT] [--knownAt <ISO-Zeitpunkt>] [--json]

  Prüft eine NDJSON-Ausfuhr ohne Datenbank: berechnet jede Hash-Kette neu, vergleicht mit dem
  Manifest (Anzahl, Positionen, SHA-256, Kettenköpfe), prüft mit --since, dass die Kettenköpfe
  einer früheren Ausfuhr unverändert enthalten sind (nichts seitdem verändert; genannt wird das erste
  abweichende Ereignis), prüft mit --public-key die Ed25519-Signatur beider Manifeste, und berechnet mit --cohort die Kennzahlen
  aus metrics.md zum Stand --asOf (Standard: heute) und Kenntnisstand --knownAt (Standard: alles).
  Exit-Code 0: alles stimmt; 1: Kette oder Manifest weichen ab; 64: falscher Aufruf.`;

export class ReplayUsageError extends Error {}

export interface ReplayArgs {
  exportPath: string;
  manifestPath?: string;
  sincePath?: string;
  /** PEM of the installation's public key (…/audit/signing-key): the manifests' signatures are checked. */
  publicKeyPath?: string;
  cohort?: Cohort;
  asOf?: CalendarDate;
  knownAt?: Date;
  json: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseCohort(text: string): Cohort | undefined {
  const conference = /^conference:(.+)$/.exec(text);
  if (conference && UUID.test(conference[1])) return { conferenceId: conference[1].toLowerCase() };
  const year = /^year:(\d{4})$/.exec(text);
  return year ? { year: Number(year[1]) } : undefined;
}

export function parseReplayArgs(argv: readonly string[]): ReplayArgs {
  const args: Partial<ReplayArgs> & { json: boolean } = { json: false };
  const value = (i: number, flag: string) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new ReplayUsageError(`${flag} braucht einen Wert.`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    switch (arg) {
      case '--manifest':
        args.manifestPath = value(i++, arg);
        break;
      case '--since':
        args.sincePath = value(i++, arg);
        break;
      case '--public-key':
        args.publicKeyPath = value(i++, arg);
        break;
      case '--cohort': {
        const cohort = parseCohort(value(i++, arg));
        if (!cohort) throw new ReplayUsageError('--cohort muss conference:<UUID> oder year:<JJJJ> sein.');
        args.cohort = cohort;
        break;
      }
      case '--asOf': {
        const v = value(i++, arg);
        if (!isCalendarDate(v)) throw new ReplayUsageError('--asOf muss ein Kalendertag JJJJ-MM-TT sein.');
        args.asOf = v;
        break;
      }
      case '--knownAt': {
        const v = value(i++, arg);
        const d = new Date(v);
        if (!/T.*(Z|[+-]\d{2}:?\d{2})$/.test(v) || Number.isNaN(d.getTime())) throw new ReplayUsageError('--knownAt muss ein ISO-8601-Zeitpunkt mit Zone sein.');
        args.knownAt = d;
        break;
      }
      case '--json':
        args.json = true;
        break;
      default:
        if (arg.startsWith('--')) throw new ReplayUsageError(`Unbekannte Option ${arg}.`);
        if (args.exportPath !== undefined) throw new ReplayUsageError('Nur eine Ausfuhrdatei angeben.');
        args.exportPath = arg;
    }
  }
  if (args.exportPath === undefined) throw new ReplayUsageError('Die Ausfuhrdatei (NDJSON) fehlt.');
  if ((args.asOf !== undefined || args.knownAt !== undefined) && args.cohort === undefined) throw new ReplayUsageError('--asOf/--knownAt gelten für Kennzahlen: --cohort angeben.');
  return args as ReplayArgs;
}
