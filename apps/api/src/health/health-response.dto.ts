import { ApiProperty } from '@nestjs/swagger';

export class HealthResponseDto {
  @ApiProperty({ example: 'ok', enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ example: 'up', enum: ['up'] })
  database: 'up';

  @ApiProperty({ example: 3600, description: 'Seconds since the process started' })
  uptimeSeconds: number;
}
