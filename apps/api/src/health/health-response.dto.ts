import { ApiProperty } from '@nestjs/swagger';

export class LivenessResponseDto {
  @ApiProperty({ example: 'ok', enum: ['ok'] })
  status: 'ok';

  @ApiProperty({ example: 3600, description: 'Seconds since the process started' })
  uptimeSeconds: number;
}

export class ReadinessResponseDto extends LivenessResponseDto {
  @ApiProperty({ example: 'up', enum: ['up'] })
  database: 'up';
}
