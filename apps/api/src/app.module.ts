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
import { IdempotencyModule } from './idempotency/idempotency.module';
import { LedgerModule } from './ledger/ledger.module';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { loggerParams } from './http/logging';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { MetricsModule } from './metrics/metrics.module';
import { API_MIGRATIONS } from './migrations/migrations';
import { NotificationsModule } from './notifications/notifications.module';
import { OrdersModule } from './orders/orders.module';
import { OutboxModule } from './outbox/outbox.module';
import { PaymentsModule } from './payments/payments.module';
import { PaymentRecordsModule } from './payments/records/payment-records.module';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { ReturnsModule } from './returns/returns.module';
import { DemoCatalogStartupModule } from './seed/seed.module';
import { StoreInfoModule } from './store-info/store-info.module';
import { SupportModule } from './support/support.module';
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
        DatabaseModule.forRoot(configuration.database, { migrations: API_MIGRATIONS }),
        ScheduleModule.forRoot(),
        MetricsModule,
        LifecycleModule,
        RateLimitModule,
        HealthModule,
        NotificationsModule,
        AccessModule,
        UsersModule,
        AuthModule,
        CatalogModule,
        DiscountsModule,
        CartModule,
        IdempotencyModule,
        OutboxModule,
        OrdersModule,
        SupportModule,
        StoreInfoModule,
        LedgerModule,
        PaymentsModule,
        PaymentRecordsModule,
        ReturnsModule,
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
