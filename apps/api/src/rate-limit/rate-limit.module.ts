import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ThrottlerModule } from '@nestjs/throttler';
import { rateLimitConfig, RateLimitConfig } from '../config/rate-limit.config';
import { AUTH_THROTTLER } from './auth-rate-limit.decorator';
import { MongoThrottlerStorage } from './mongo-throttler.storage';
import { RateLimitCounterRepository } from './rate-limit-counter.repository';
import { RateLimitCounter, RateLimitCounterSchema } from './schemas/rate-limit-counter.schema';

const MINUTE_MS = 60_000;

const counterModels = MongooseModule.forFeature([
  { name: RateLimitCounter.name, schema: RateLimitCounterSchema },
]);

/**
 * The counters alone: the throttler options factory receives the storage from it, and features
 * that limit something other than HTTP requests (chat messages) count with the same storage.
 */
@Module({
  imports: [counterModels],
  providers: [RateLimitCounterRepository, MongoThrottlerStorage],
  exports: [MongoThrottlerStorage],
})
export class RateLimitStorageModule {}

/**
 * Rate limits from config, counted in MongoDB: `default` on every route, `auth` on routes marked
 * `@AuthRateLimit()`. The guard itself (`RateLimitGuard`) is registered in `AppModule` as the
 * first `APP_GUARD`, so throttling happens before authentication.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      imports: [RateLimitStorageModule],
      inject: [rateLimitConfig.KEY, MongoThrottlerStorage],
      useFactory: (limits: RateLimitConfig, storage: MongoThrottlerStorage) => ({
        throttlers: [
          { name: 'default', ttl: MINUTE_MS, limit: limits.perMinute },
          { name: AUTH_THROTTLER, ttl: MINUTE_MS, limit: limits.authPerMinute },
        ],
        storage,
        errorMessage: 'Too many requests, try again later',
      }),
    }),
  ],
})
export class RateLimitModule {}
