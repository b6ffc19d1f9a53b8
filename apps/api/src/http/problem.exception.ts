import { HttpException } from '@nestjs/common';
import { Problem, problem } from './problem';

/** An HttpException that already knows its problem+json body. */
export class ProblemException extends HttpException {
  constructor(readonly problem: Problem) {
    super(problem, problem.status);
  }

  static of(status: number, detail: string, extra: Partial<Problem> = {}): ProblemException {
    return new ProblemException(problem(status, detail, extra));
  }
}
