/**
 * A start-up failure of the embedded PostgreSQL, worded for the person at the terminal: German first,
 * English after the slash, and always naming the cause (the package itself rejects with `undefined`).
 */
export class EmbeddedPostgresError extends Error {
  override readonly name = 'EmbeddedPostgresError';
}

/** The server's own words for the common causes, and what to do about each. */
const KNOWN_CAUSES: { pattern: RegExp; explain: (port: number, line: string) => string }[] = [
  {
    pattern: /could not bind|Address already in use/i,
    explain: (port) =>
      `Port ${port} ist schon belegt (ein anderes Programm hört dort). Wählen Sie mit EMBEDDED_PG_PORT einen freien Port. / ` +
      `Port ${port} is already in use; choose a free one with EMBEDDED_PG_PORT.`,
  },
  {
    pattern: /lock file "postmaster\.pid" already exists/i,
    explain: () =>
      'Ein anderer PostgreSQL-Server benutzt dieses DATA_DIR bereits (postmaster.pid). / Another PostgreSQL server is using this DATA_DIR (postmaster.pid).',
  },
  {
    pattern: /database files are incompatible with server/i,
    explain: (_port, line) =>
      `Das Datenverzeichnis stammt von einer anderen PostgreSQL-Hauptversion (${line.trim()}). / The data directory was written by another PostgreSQL major version.`,
  },
  {
    pattern: /Permission denied|could not (open|access|change directory|create)/i,
    explain: (_port, line) =>
      `Dem Datenbankserver fehlen Rechte im DATA_DIR: ${line.trim()} / The database server lacks permissions in DATA_DIR.`,
  },
];

/** Turns what the server printed before it died into one sentence naming the cause. */
export function startFailure(port: number, logLines: readonly string[], exitCode?: number | null): EmbeddedPostgresError {
  const lines = logLines.flatMap((chunk) => chunk.split('\n')).filter((l) => l.trim() !== '');
  for (const cause of KNOWN_CAUSES) {
    const line = lines.find((l) => cause.pattern.test(l));
    if (line) return new EmbeddedPostgresError(`Eingebettetes PostgreSQL startet nicht: ${cause.explain(port, line)}`);
  }
  const fatal = lines.filter((l) => /FATAL|PANIC|ERROR/.test(l)).at(-1) ?? lines.at(-1);
  return new EmbeddedPostgresError(
    `Eingebettetes PostgreSQL startet nicht / embedded PostgreSQL did not start` +
      (exitCode !== undefined && exitCode !== null ? ` (Exit-Code ${exitCode})` : '') +
      `: ${fatal ? fatal.trim() : 'der Server beendete sich ohne Meldung / the server exited without a message'}`,
  );
}

/** One sentence for any start-up failure, whatever was thrown; never `undefined`. */
export function describeFailure(e: unknown): string {
  if (e instanceof Error && e.message.trim() !== '') return e.message;
  if (typeof e === 'string' && e.trim() !== '') return e;
  if (e instanceof Error) return `Start fehlgeschlagen: ${e.name} ohne Meldung / start-up failed: ${e.name} without a message`;
  return `Start fehlgeschlagen ohne Fehlermeldung (${String(e)}) / start-up failed without an error message`;
}
