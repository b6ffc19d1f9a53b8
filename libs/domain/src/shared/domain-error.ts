/**
 * A broken domain rule. `decide` returns it instead of throwing, so the type says a command can be
 * refused and the caller must handle it. `code` is stable (API clients and tests match on it);
 * `message` is German, for the user.
 */
export interface DomainError<Code extends string = string> {
  readonly kind: 'DomainError';
  readonly code: Code;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export function domainError<Code extends string>(code: Code, message: string, details?: Record<string, unknown>): DomainError<Code> {
  return details === undefined ? { kind: 'DomainError', code, message } : { kind: 'DomainError', code, message, details };
}

export function isDomainError(value: unknown): value is DomainError {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'DomainError';
}

/** What `decide` answers: the events to append (possibly none), or the rule it broke. */
export type Decision<E> = E[] | DomainError;

/** Codes every aggregate uses (rule 7 and the like). */
export const SHARED_ERRORS = {
  'date.in-future': 'Das Datum liegt in der Zukunft.',
  'date.invalid': 'Das Datum ist kein gültiger Kalendertag (JJJJ-MM-TT).',
} as const;
export type SharedErrorCode = keyof typeof SHARED_ERRORS;
