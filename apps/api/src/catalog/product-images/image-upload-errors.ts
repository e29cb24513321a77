import { DomainError } from '@kassa/common';

/** 413 `PAYLOAD_TOO_LARGE`: the uploaded image exceeds the configured size limit. */
export class PayloadTooLargeError extends DomainError {
  constructor(message: string) {
    super('PAYLOAD_TOO_LARGE', message);
  }
}

/** 415 `UNSUPPORTED_MEDIA_TYPE`: not multipart, or the bytes are not a PNG, JPEG, WebP or GIF. */
export class UnsupportedMediaTypeError extends DomainError {
  constructor(message: string) {
    super('UNSUPPORTED_MEDIA_TYPE', message);
  }
}
