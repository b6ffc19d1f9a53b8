import { regionError, type DomainError } from '@app/domain';
import { problem, type Problem } from './problem';
import { ProblemException } from './problem.exception';

/** A domain error as the API answers it: the meaning fixed where its code is defined (notFound(…) in the aggregate's errors.ts) decides 404 or 409. */
export function problemOf({ code, message, meaning, details }: DomainError): Problem {
  return problem(meaning === 'not_found' ? 404 : 409, message, { code, ...(details ? { details } : {}) });
}

export const domainProblem = (error: DomainError): ProblemException => new ProblemException(problemOf(error));

/** Reads, the audit and the import answer an unknown region as the commands do. */
export const regionUnknown = (regionId: string): ProblemException => domainProblem(regionError('region.unknown', { regionId }));
