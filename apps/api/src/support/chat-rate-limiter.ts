import { Inject, Injectable } from '@nestjs/common';
import { RateLimitedError } from '@kassa/common';
import { SupportConfig, supportConfig } from '../config/support.config';
import { MongoThrottlerStorage } from '../rate-limit/mongo-throttler.storage';

/**
 * The per-user budget of chat writes (`SUPPORT_CHAT_RATE_LIMIT` per `SUPPORT_CHAT_RATE_WINDOW`,
 * 10 per 10 s by default), counted in MongoDB like the HTTP limits, so a user gets one budget
 * whichever instances their sockets are connected to.
 */
@Injectable()
export class ChatRateLimiter {
  constructor(
    private readonly counters: MongoThrottlerStorage,
    @Inject(supportConfig.KEY) private readonly config: SupportConfig,
  ) {}

  /** Counts one write of the user; throws `RATE_LIMITED` with the seconds to wait when over. */
  async hit(userId: string): Promise<void> {
    const { messagesPerWindow, rateWindowMs } = this.config;
    const counted = await this.counters.increment(
      `support-chat:${userId}`,
      rateWindowMs,
      messagesPerWindow,
    );
    if (counted.isBlocked) {
      throw new RateLimitedError(
        `At most ${messagesPerWindow} messages per ${rateWindowMs / 1000} s; try again shortly`,
        Math.max(1, counted.timeToBlockExpire),
      );
    }
  }
}
