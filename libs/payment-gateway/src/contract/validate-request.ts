import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';
import { FieldProblem } from './error-codes';

export type Validated<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] };

/** One problem per invalid field, nested paths joined with dots (`card.number`). */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {});
    const nested = fieldProblems(error.children ?? [], field);
    return own.length > 0 ? [{ field, message: own.join('; ') }, ...nested] : nested;
  });
}

/**
 * Validates a request body against its DTO class: it must be a JSON object, unknown fields are
 * refused, and no value is ever copied into a message (card numbers stay out of answers).
 */
export function validateBody<T extends object>(dtoClass: new () => T, body: unknown): Validated<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, problems: [{ field: 'body', message: 'body must be a JSON object' }] };
  }
  const value = plainToInstance(dtoClass, body);
  const errors = validateSync(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  return errors.length > 0 ? { ok: false, problems: fieldProblems(errors) } : { ok: true, value };
}
