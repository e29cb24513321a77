import { Body, Type } from '@nestjs/common';
import { ApiValidationPipe } from './validation.pipe';

/** The body validated as `type`, for handlers whose parameter type is generic. */
export const ValidatedBody = (type: Type<unknown>) => Body(new ApiValidationPipe(type));
