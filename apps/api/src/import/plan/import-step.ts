import type { CalendarDate, DomainCommand } from '@app/domain';

type WithoutMeta<C> = C extends unknown ? Omit<C, 'meta' | 'context'> : never;

/** Who issues a step: the importing office itself, the steering group's decision as the list records it, or the office for a committee. */
export type StepActor = { as: 'office' } | { as: 'steering' } | { as: 'committee'; committeeId: string };

/**
 * One ordinary command of the import, with the idempotency key its ids derive from (so a second
 * import of the same file finds it written) and the business date it carries.
 */
export interface ImportStep {
  key: string;
  aggregate: 'conference' | 'committee' | 'recommendation';
  aggregateId: string;
  actor: StepActor;
  command: WithoutMeta<DomainCommand>;
  businessDate: CalendarDate;
  /** The row and column a refusal is reported at (for a registration: the first row naming it). */
  line: number;
  column: string;
  /** For the preview: "Empfehlung erfassen", "Übergabe an Schulausschuss". */
  description: string;
}

/** A row's steps, or why the row is refused. */
export interface PlannedRow {
  line: number;
  reference: string;
  title: string;
  steps: ImportStep[];
}
