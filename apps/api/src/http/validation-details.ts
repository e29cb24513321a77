import { ValidationError as ClassValidationError } from 'class-validator';
import { ErrorDetail } from '@kassa/common';

/**
 * Flattens class-validator's tree into one detail per invalid field, nested paths joined with
 * dots (`card.number`, `items.0.quantity`) and the field's messages joined.
 */
export function validationDetails(errors: ClassValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {});
    const nested = validationDetails(error.children ?? [], field);
    return own.length > 0 ? [{ field, message: own.join('; ') }, ...nested] : nested;
  });
}
