import { Controller, Get } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../access/public.decorator';
import { HealthResponseDto } from './health-response.dto';
import { HealthService } from './health.service';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @Public()
  @SkipThrottle()
  @ApiOperation({ summary: 'Liveness and database reachability' })
  @ApiOkResponse({ type: HealthResponseDto })
  @ApiServiceUnavailableResponse({
    description: 'The database did not answer',
    schema: {
      example: {
        error: {
          code: 'SERVICE_UNAVAILABLE',
          message: 'The database is not reachable',
          requestId: '3f1c2a8e-5b7d-4e21-9a0f-6c4d2b1e8f70',
        },
      },
    },
  })
  check(): Promise<HealthResponseDto> {
    return this.health.check();
  }
}
