import { randomUUID } from 'node:crypto';
import { Logger, Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { ValidationError } from '@kassa/common';
import { describeError } from '../../http/error-response';
import { validationDetails } from '../../http/validation-details';
import { ChatAck } from '../support-events';

/**
 * A client event's payload as its DTO, with the HTTP body rules: an object, whitelisted fields
 * only, each field valid; a `VALIDATION_FAILED` naming each problem otherwise.
 */
export async function parsePayload<T extends object>(dto: Type<T>, payload: unknown): Promise<T> {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw ValidationError.forField('payload', 'The payload must be an object');
  }
  const instance = plainToInstance(dto, payload);
  const errors = await validate(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) {
    throw new ValidationError('Payload validation failed', validationDetails(errors));
  }
  return instance;
}

const logger = new Logger('SupportChat');

/**
 * An acknowledgement in the API's shared error shape for whatever was thrown: client errors are
 * logged at warn, faults at error with their stack and never described to the client.
 */
export function errorAck(error: unknown, event: string): ChatAck<never> {
  const described = describeError(error);
  const requestId = randomUUID();
  if (described.fault) {
    logger.error(`${event} failed (${requestId})`, (error as Error | undefined)?.stack);
  } else {
    logger.warn(`${event} refused with ${described.code} (${requestId}): ${described.message}`);
  }
  return {
    error: {
      code: described.code,
      message: described.message,
      ...(described.details ? { details: described.details } : {}),
      requestId,
    },
  };
}
