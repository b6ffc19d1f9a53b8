import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { PROBLEM_CONTENT_TYPE } from '../http/problem';
import { ProblemException } from '../http/problem.exception';

export const OPARL_ERROR = 'https://schema.oparl.org/1.1/Error';

/**
 * OParl's error object (spec 2.9: `type`, `message`, `debug`) as problem+json: RFC 9457 lets
 * `type` be any URI, so one body is both. Errors are public data too (CORS for everyone).
 */
@Catch(ProblemException)
export class OParlErrorFilter implements ExceptionFilter {
  catch(error: ProblemException, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { problem } = error;
    res.setHeader('Access-Control-Allow-Origin', '*');
    res
      .status(problem.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify({ ...problem, type: OPARL_ERROR, message: problem.detail, debug: problem.code ?? `http-${problem.status}` }));
  }
}
