import { ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, type ValidationError } from 'class-validator';
import { ProblemException } from './problem.exception';
import { germanValidationMessage } from './validation-messages';

/** The decorator behind a failed constraint, for its parameters (MaxLength(300) → [300]) and `each`. */
function ruleOf(error: ValidationError, constraint: string): { constraints?: unknown[]; each?: boolean } {
  const target = error.target as object | undefined;
  if (!target) return {};
  const rules = getMetadataStorage().getTargetValidationMetadatas(target.constructor, '', false, false);
  return rules.find((rule) => rule.propertyName === error.property && rule.name === constraint) ?? {};
}

/**
 * Flattens class-validator's tree into `{ field: 'evidence[0].url', message }` pairs, each message
 * German by constraint name (validation-messages.ts); class-validator's English never reaches a user.
 * Needs the errors' `target` to read the constraints' parameters.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const property = e.property ?? '';
    const field = /^\d+$/.test(property) ? `${parent}[${property}]` : parent && property ? `${parent}.${property}` : parent || property;
    const own = Object.keys(e.constraints ?? {}).map((constraint) => {
      const { constraints, each } = ruleOf(e, constraint);
      return { field, message: germanValidationMessage(constraint, { field, constraints, each }) };
    });
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
    // The target stays inside the pipe: only `{ field, message }` pairs leave it.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) =>
      ProblemException.of(400, 'Die Eingabe ist ungültig; siehe `errors`.', { code: 'validation', errors: flattenValidationErrors(errors) }),
  });
}
