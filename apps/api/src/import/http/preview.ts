import type { PreparedImport } from '../run/import.service';
import { formatRowError } from '../rows/import-row';

/** Rows shown in a preview answer; errors are always listed whole. */
export const PREVIEW_ROWS = 1000;

/** The dry run as the API answers it: per row the commands with their business dates, or why the import is refused. */
export function previewOf(prepared: PreparedImport) {
  const { simulation, plan } = prepared;
  const steps = [...simulation.setup, ...simulation.rows.flatMap((r) => r.steps)];
  return {
    importId: prepared.importId,
    format: prepared.format,
    mapping: prepared.mapping,
    accepted: simulation.errors.length === 0,
    counts: {
      rows: plan.rows.length + new Set(plan.errors.map((e) => e.line)).size,
      refusedRows: new Set(simulation.errors.map((e) => e.line)).size,
      commandsToWrite: simulation.toWrite,
      commandsAlreadyWritten: steps.filter((s) => s.verdict === 'written').length,
    },
    proposals: {
      conferences: plan.proposals.conferences.map(({ id, name, number, kind, date }) => ({ id, name, number, kind, date })),
      committees: plan.proposals.committees.map(({ id, name, shortName, kind, registeredOn }) => ({ id, name, shortName, kind, registeredOn })),
    },
    errors: simulation.errors.map((e) => ({ ...e, text: formatRowError(e) })),
    setup: simulation.setup,
    rows: simulation.rows.slice(0, PREVIEW_ROWS),
  };
}
