import type { ReplayReport } from './replay';

const decimal = (v: number) => v.toLocaleString('de-DE', { maximumFractionDigits: 3 });
const percent = (v: number | null) => (v === null ? '–' : `${(v * 100).toLocaleString('de-DE', { maximumFractionDigits: 1 })} %`);

/** The replay's verdict for a terminal, in German; the JSON report carries the details. */
export function replaySummary(report: ReplayReport): string {
  const lines: string[] = [];
  lines.push(`Datei: ${report.file.events} Ereignisse, Positionen ${report.file.firstPosition ?? '–'} … ${report.file.lastPosition ?? '–'}, SHA-256 ${report.file.sha256}`);
  if (report.chains.ok) lines.push(`Hash-Ketten: OK (${report.chains.streams} Streams, ${report.chains.events} Ereignisse neu berechnet).`);
  else {
    const b = report.chains.firstBroken;
    lines.push(`Hash-Kette GEBROCHEN bei Ereignis ${b.eventId} (Stream ${b.streamId}, Revision ${b.revision}, Position ${b.position}): ${b.reason === 'hash' ? `erwartet ${b.expectedHash}, Datei ${b.storedHash}` : 'Lücke in den Revisionen'}.`);
  }
  if (report.manifest) lines.push(report.manifest.ok ? `Manifest: stimmt (Anzahl, Positionen, SHA-256, Kettenköpfe${report.manifest.signature?.ok ? `, Signatur des Schlüssels ${report.manifest.signature.keyId}` : ''}).` : `Manifest: WEICHT AB\n  ${report.manifest.mismatches.join('\n  ')}`);
  if (report.since) {
    lines.push(
      report.since.ok
        ? `Seit der Ausfuhr vom ${report.since.exportedAt}: nichts verändert (${report.since.streams} frühere Kettenköpfe unverändert enthalten).`
        : `Seit der Ausfuhr vom ${report.since.exportedAt}: VERÄNDERT\n  ${report.since.mismatches.join('\n  ')}`,
    );
  }
  if (report.figures) {
    const f = report.figures;
    lines.push(`Kennzahlen der Kohorte ${'conferenceId' in f.cohort ? `conference:${f.cohort.conferenceId}` : `year:${f.cohort.year}`} zum Stand ${f.asOf}${f.knownAt ? `, Kenntnisstand ${f.knownAt}` : ''} (${f.members.length} Empfehlungen):`);
    for (const [name, figure] of Object.entries(f.figures)) {
      const base = figure.denominator !== undefined ? ` (${decimal(figure.numerator!)} von ${figure.denominator})` : figure.count !== undefined ? ` (n = ${figure.count})` : '';
      const shown = name.startsWith('median') ? (figure.value === null ? '–' : figure.value.toLocaleString('de-DE', { maximumFractionDigits: 1 })) : percent(figure.value);
      lines.push(`  ${name}: ${shown}${base}`);
    }
  }
  lines.push(report.ok ? 'Ergebnis: OK.' : 'Ergebnis: NICHT OK.');
  return lines.join('\n');
}
