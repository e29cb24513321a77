import { Param } from '@nestjs/common';
import { UuidParamPipe } from './uuid-param.pipe';

/** A UUID path parameter (any case, returned lowercase); anything else is a 400. */
export const IdParam = (name = 'id') => Param(name, UuidParamPipe);
