import { Controller, Get, Res, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { UnauthenticatedError } from '@kassa/common';
import { FastifyReply } from 'fastify';
import { Public } from '../access/public.decorator';
import { ApiErrors } from '../http/api-errors.decorator';
import { MetricsTokenGuard } from './metrics-token.guard';
import { MetricsService } from './metrics.service';

const EXAMPLE = [
  '# HELP kassa_http_requests_total HTTP requests answered, by method, route pattern and status class',
  '# TYPE kassa_http_requests_total counter',
  'kassa_http_requests_total{method="GET",route="/products/:id",status_class="2xx"} 42',
].join('\n');

/** For Prometheus, not for shop users: no session, never rate-limited, one instance per scrape. */
@ApiTags('operations')
@Public()
@SkipThrottle()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @UseGuards(MetricsTokenGuard)
  @ApiOperation({
    summary: 'Prometheus metrics of this instance',
    description:
      'Text exposition format. Public unless METRICS_TOKEN is set; then send ' +
      '`Authorization: Bearer <METRICS_TOKEN>` (not a user access token).',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'Every series of this process and instance',
    content: { 'text/plain': { schema: { type: 'string' }, example: EXAMPLE } },
  })
  @ApiErrors(UnauthenticatedError)
  async get(@Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const { contentType, body } = await this.metrics.scrape();
    void reply.type(contentType);
    return body;
  }
}
