import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { ValidationError } from '@kassa/common';
import { isUUID } from 'class-validator';

/** A path id must be a UUID (400 `VALIDATION_FAILED` otherwise); returned in canonical lowercase. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    const field = metadata.data ?? 'id';
    if (typeof value !== 'string' || !isUUID(value)) {
      throw ValidationError.forField(field, `${field} must be a UUID`);
    }
    return value.toLowerCase();
  }
}
