import { Global, Module } from '@nestjs/common';
import { HttpMetrics } from './http-metrics';
import { MetricsTokenGuard } from './metrics-token.guard';
import { MetricsController } from './metrics.controller';
import { MetricsService } from './metrics.service';

/**
 * `GET /metrics` and the registry behind it. Global, like the database: any feature injects
 * {@link MetricsService} to declare its own series.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [MetricsService, HttpMetrics, MetricsTokenGuard],
  exports: [MetricsService, HttpMetrics],
})
export class MetricsModule {}
