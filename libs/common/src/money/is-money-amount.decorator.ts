import { ValidateBy, ValidationOptions } from 'class-validator';
import { isMoneyAmount } from './money';

/** DTO check for a money input: a non-negative decimal string with at most two decimals. */
export function IsMoneyAmount(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isMoneyAmount',
      validator: {
        validate: (value: unknown) => isMoneyAmount(value),
        defaultMessage: () =>
          '$property must be a non-negative decimal string with at most two decimals, e.g. "12.50"',
      },
    },
    options,
  );
}
