import { Inject, Injectable, Logger } from '@nestjs/common';
import { ListQuery, Page, toPage } from '@kassa/common';
import { OrdersConfig, ordersConfig } from '../config/orders.config';
import { MetricsService } from '../metrics/metrics.service';
import { MAILER, Mailer, MailMessage } from '../notifications/mailer';
import { ClaimedMessage, OutboxMessageRecord, OutboxRepository } from './outbox.repository';

/** A sender holds a message this long; longer than any SMTP attempt may take. */
const LEASE_MS = 60_000;
/** Messages sent per dispatch run at most, so one run never holds the event loop for long. */
const BATCH = 50;
/** Retries wait at most this long. */
const MAX_RETRY_DELAY_MS = 60 * 60 * 1000;

/**
 * The transactional outbox: `enqueue` writes a mail inside the caller's transaction, so it exists
 * if and only if the change it reports committed; `dispatchDue` sends what is due through the
 * mailer, one claimed message at a time, retrying with exponential backoff and parking a message
 * as `failed` after `OUTBOX_MAX_ATTEMPTS`.
 */
@Injectable()
export class OutboxService {
  private readonly logger = new Logger(OutboxService.name);

  constructor(
    private readonly messages: OutboxRepository,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(ordersConfig.KEY) private readonly config: OrdersConfig,
    metrics: MetricsService,
  ) {
    metrics.gaugeCallback('kassa_outbox_backlog', 'Outbox messages not sent yet', () =>
      this.backlog(),
    );
  }

  enqueue(topic: string, mail: MailMessage, now = new Date()): Promise<void> {
    return this.messages.add(topic, mail, now);
  }

  /** Sends the messages that are due; returns how many went out. */
  async dispatchDue(now = new Date()): Promise<number> {
    let sent = 0;
    for (let count = 0; count < BATCH; count++) {
      const claim = await this.messages.claimNext(now, new Date(now.getTime() + LEASE_MS));
      if (!claim) break;
      if (await this.send(claim, now)) sent++;
    }
    return sent;
  }

  async list(query: ListQuery): Promise<Page<OutboxMessageRecord>> {
    const page = await this.messages.list(query);
    return toPage(page.items, page.total, query);
  }

  /** Messages not sent yet (pending or being sent), for monitoring. */
  backlog(): Promise<number> {
    return this.messages.countWaiting();
  }

  private async send(claim: ClaimedMessage, now: Date): Promise<boolean> {
    try {
      await this.mailer.send(claim.mail);
      await this.messages.markSent(claim, new Date());
      return true;
    } catch (error) {
      const reason = (error as Error).message;
      if (claim.attempts >= this.config.outboxMaxAttempts) {
        this.logger.error(
          `Outbox message ${claim._id} (${claim.topic}) parked after ${claim.attempts} attempts: ${reason}`,
        );
        await this.messages.markFailed(claim, reason);
      } else {
        const delay = Math.min(
          this.config.outboxRetryDelayMs * 2 ** (claim.attempts - 1),
          MAX_RETRY_DELAY_MS,
        );
        this.logger.warn(`Outbox message ${claim._id} (${claim.topic}) will be retried: ${reason}`);
        await this.messages.markForRetry(claim, new Date(now.getTime() + delay), reason);
      }
      return false;
    }
  }
}
