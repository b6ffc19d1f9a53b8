import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ProblemException } from './problem.exception';

/** Flattens class-validator's tree into `{ field: 'evidence[0].url', message }` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = /^\d+$/.test(e.property) ? `${parent}[${e.property}]` : parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** Unknown fields are refused, not ignored; the answer lists every broken field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      ProblemException.of(400, 'Die Eingabe ist ungültig; siehe `errors`.', { code: 'validation', errors: flattenValidationErrors(errors) }),
  });
}
