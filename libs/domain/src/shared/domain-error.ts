/**
 * A broken domain rule. `decide` returns it instead of throwing, so the type says a command can be
 * refused and the caller must handle it. `code` is stable (API clients and tests match on it);
 * `message` is German, for the user.
 */
export interface DomainError<Code extends string = string> {
  readonly kind: 'DomainError';
  readonly code: Code;
  readonly message: string;
  readonly meaning: DomainErrorMeaning;
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * What a refusal means to the caller, fixed where its code is defined: an id the command named does
 * not exist (here), or a rule of domain.md is broken. The API answers 404 and 409.
 */
export type DomainErrorMeaning = 'not_found' | 'rule_broken';

/** A code's German message; a plain string is a broken rule, `notFound(…)` an unknown id. */
export type ErrorDefinition = string | { readonly message: string; readonly meaning: DomainErrorMeaning };

/** Marks a code as "an id you named does not exist (here)". */
export const notFound = (message: string) => ({ message, meaning: 'not_found' }) as const;

export function domainError<Code extends string>(code: Code, definition: ErrorDefinition, details?: Record<string, unknown>): DomainError<Code> {
  const { message, meaning } = typeof definition === 'string' ? { message: definition, meaning: 'rule_broken' as const } : definition;
  return details === undefined ? { kind: 'DomainError', code, message, meaning } : { kind: 'DomainError', code, message, meaning, details };
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
