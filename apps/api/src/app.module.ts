import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { DatabaseModule } from '@kassa/database';
import { AccessGuard } from './access/access.guard';
import { AccessModule } from './access/access.module';
import { AuthModule } from './auth/auth.module';
import { CartModule } from './cart/cart.module';
import { CatalogModule } from './catalog/catalog.module';
import { Configuration } from './config/configuration';
import { ConfigurationModule } from './config/configuration.module';
import { DiscountsModule } from './discounts/discounts.module';
import { HealthModule } from './health/health.module';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { loggerParams } from './http/logging';
import { NotificationsModule } from './notifications/notifications.module';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { DemoCatalogStartupModule } from './seed/seed.module';
import { UsersModule } from './users/users.module';

/** The API: the configuration read at start-up, the frame, and every feature module. */
@Module({})
export class AppModule {
  static register(configuration: Configuration): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigurationModule.forRoot(configuration),
        LoggerModule.forRoot(loggerParams(configuration.app)),
        DatabaseModule.forRoot(configuration.database),
        ScheduleModule.forRoot(),
        RateLimitModule,
        HealthModule,
        NotificationsModule,
        AccessModule,
        UsersModule,
        AuthModule,
        CatalogModule,
        DiscountsModule,
        CartModule,
        DemoCatalogStartupModule,
      ],
      providers: [
        // Guards run in registration order: rate limiting first, then authentication.
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
