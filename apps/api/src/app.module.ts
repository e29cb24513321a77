import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { DatabaseModule } from '@kassa/database';
import { AuthModule } from './auth/auth.module';
import { AccessGuard } from './auth/guards/access.guard';
import { CatalogModule } from './catalog/catalog.module';
import { appConfig, AppConfig } from './config/app.config';
import { CORE_CONFIGS } from './config/core-configs';
import { DatabaseConfig, databaseConfig } from './config/database.config';
import { HealthModule } from './health/health.module';
import { ApiExceptionFilter } from './http/api-exception.filter';
import { loggerParams } from './http/logging';
import { NotificationsModule } from './notifications/notifications.module';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { DemoCatalogStartupModule } from './seed/seed.module';
import { UsersModule } from './users/users.module';

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, cache: true, load: CORE_CONFIGS }),
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (app: AppConfig) => loggerParams(app),
    }),
    DatabaseModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (database: DatabaseConfig) => database,
    }),
    RateLimitModule,
    HealthModule,
    CatalogModule,
    DemoCatalogStartupModule,
    ScheduleModule.forRoot(),
    NotificationsModule,
    UsersModule,
    AuthModule,
  ],
  providers: [
    // Guards run in registration order: rate limiting first, then authentication.
    { provide: APP_GUARD, useClass: RateLimitGuard },
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_FILTER, useClass: ApiExceptionFilter },
  ],
})
export class AppModule {}
