import { ArgumentMetadata, Injectable, Type, ValidationPipe } from '@nestjs/common';
import { ValidationError } from '@kassa/common';
import { validationDetails } from './validation-details';

const BODY_NOT_OBJECT = 'The request body must be a JSON object';

/**
 * The global pipe: DTO whitelist, unknown fields refused, payloads transformed to DTO classes,
 * failures as `VALIDATION_FAILED` with one detail per field. A body that is there but is not an
 * object (an array, `null`, text) is refused as a whole; no body at all is left to the DTO.
 */
@Injectable()
export class ApiValidationPipe extends ValidationPipe {
  /** `expectedType` validates against that class when the handler's own type is generic. */
  constructor(expectedType?: Type<unknown>) {
    super({
      expectedType,
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) =>
        new ValidationError('Request validation failed', validationDetails(errors)),
    });
  }

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
    if (metadata.type === 'body' && value !== undefined && !isObject && this.toValidate(metadata)) {
      throw ValidationError.forField('body', BODY_NOT_OBJECT);
    }
    return super.transform(value, metadata);
  }
}
