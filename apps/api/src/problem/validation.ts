import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ProblemException } from './problem.exception';

function flatten(errors: ValidationError[], prefix = ''): { field: string; message: string }[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Validates DTOs, refuses unknown fields, and reports each field error in problem+json `errors`. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      ProblemException.badRequest('the request has invalid fields', flatten(errors)),
  });
}
