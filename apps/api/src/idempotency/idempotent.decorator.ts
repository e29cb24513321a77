import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { IdempotencyKeyInUseError, IdempotencyKeyReusedError } from '@kassa/common';
import { ApiErrors } from '../http/api-errors.decorator';
import {
  IDEMPOTENT_OPTIONS,
  IdempotencyInterceptor,
  IdempotentOptions,
} from './idempotency.interceptor';

/**
 * Makes a money-moving POST honour `Idempotency-Key`: repeats with the same key and body get the
 * first answer (`Idempotent-Replayed: true`), another body with the key a 422, a repeat while the
 * first runs a 409. Keys are per caller and kept 24 hours.
 */
export function Idempotent(options: IdempotentOptions = {}) {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_OPTIONS, options),
    UseInterceptors(IdempotencyInterceptor),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'A unique value (e.g. a UUID) per intended operation; repeats with it get the first answer ' +
        'replayed, for 24 hours.',
    }),
    ApiErrors(IdempotencyKeyInUseError, IdempotencyKeyReusedError),
  );
}
