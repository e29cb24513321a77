import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class UserIdParamsDto {
  @ApiProperty({ format: 'uuid', example: '6f1c1a52-3c4e-4d8e-9b7a-2f0c9a4b7d11' })
  @IsUUID('all', { message: 'id must be a UUID' })
  id: string;
}
