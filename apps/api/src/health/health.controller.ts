import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { ServiceUnavailableError } from '@kassa/common';
import { Public } from '../access/public.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { LivenessResponseDto, ReadinessResponseDto } from './health-response.dto';
import { HealthService } from './health.service';

/** Probes for orchestrators and load balancers; never rate-limited. */
@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get()
  @ApiOperation({ summary: 'Readiness (same as /health/ready)' })
  @ApiOkResponse({ type: ReadinessResponseDto })
  @ApiErrors(ServiceUnavailableError)
  check(): Promise<ReadinessResponseDto> {
    return this.health.ready();
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: the process serves and the database answers' })
  @ApiOkResponse({ type: ReadinessResponseDto })
  @ApiErrors(ServiceUnavailableError)
  readiness(): Promise<ReadinessResponseDto> {
    return this.health.ready();
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process serves (the database is not asked)' })
  @ApiOkResponse({ type: LivenessResponseDto })
  liveness(): LivenessResponseDto {
    return this.health.live();
  }
}
