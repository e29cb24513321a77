import {
  ValidationArguments,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';

/** At least N bytes of UTF-8 (`@Validate(MinBytes, [32])`): secrets are measured in bytes. */
@ValidatorConstraint({ name: 'minBytes' })
export class MinBytes implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    return typeof value === 'string' && Buffer.byteLength(value) >= (args.constraints[0] as number);
  }

  defaultMessage(args: ValidationArguments): string {
    return `${args.property} must be at least ${args.constraints[0] as number} bytes`;
  }
}
