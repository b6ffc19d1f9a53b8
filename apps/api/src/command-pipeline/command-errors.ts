import type { DomainError } from '@app/domain';
import { WrongExpectedRevisionError } from '@app/event-store';
import { problem } from '../http/problem';
import { problemOf } from '../http/domain-problem';
import type { ErrorMapper } from '../http/problem.filter';

/** A command refused by the domain; thrown so the one filter answers it. */
export class DomainErrorException extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
  }
}

/** The client's If-Match names another revision than the stream has: nothing was decided or written. */
export class PreconditionFailedException extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: bigint,
    readonly current: bigint | undefined,
  ) {
    super(`Stream ${streamId} is at ${String(current)}, not ${expected}`);
  }
}

/** The Idempotency-Key was used by the same principal for another request: nothing was written. */
export class IdempotencyKeyReusedException extends Error {
  constructor() {
    super('Idempotency-Key reused for another request');
  }
}

/** The caller may not issue this command at all (the permission table). */
export class ForbiddenCommandException extends Error {
  constructor(readonly code: string, readonly detail: string) {
    super(detail);
  }
}

const revisionText = (revision: bigint | 'no_stream' | undefined) =>
  revision === undefined || revision === 'no_stream' ? null : Number(revision);

/** Maps the pipeline's errors to problem+json; registered with the ProblemDetailsFilter. */
export const commandErrorMapper: ErrorMapper = (error) => {
  if (error instanceof DomainErrorException) {
    return problemOf(error.error);
  }
  if (error instanceof ForbiddenCommandException) return problem(403, error.detail, { code: error.code });
  if (error instanceof IdempotencyKeyReusedException) {
    return problem(422, 'Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet.', { code: 'idempotency-key.reused' });
  }
  if (error instanceof PreconditionFailedException) {
    const current = revisionText(error.current);
    return problem(
      412,
      current === null
        ? 'Der Eintrag existiert nicht; If-Match kann nicht erfüllt werden. Nichts wurde gespeichert.'
        : `Der Eintrag hat sich geändert: aktueller Stand ist Revision ${current}, nicht ${Number(error.expected)}. Nichts wurde gespeichert; bitte neu laden und erneut versuchen.`,
      { code: 'concurrency.stale-revision', currentRevision: current, expectedRevision: Number(error.expected) },
    );
  }
  if (error instanceof WrongExpectedRevisionError) {
    return problem(
      409,
      'Der Eintrag wurde gleichzeitig geändert. Nichts wurde gespeichert; bitte neu laden und erneut versuchen.',
      { code: 'concurrency.conflict', currentRevision: revisionText(error.actual) },
    );
  }
  return undefined;
};
