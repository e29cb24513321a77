import { IsOptional, Matches } from 'class-validator';
import { configKey } from './config-key';
import { DURATION, DURATION_MESSAGE, parseDurationMs } from './environment-parsing';

/** Orders and the jobs that look after them. */
export class OrdersEnvironment {
  /** How long a new order waits for its payment before the expiry job releases its stock. */
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  ORDER_PAYMENT_TIMEOUT?: string;

  /** How often the expiry job looks for unpaid orders past their timeout (0 switches it off). */
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  ORDER_EXPIRY_INTERVAL?: string;

  /** How often queued mail (the outbox) is sent (0 switches the dispatcher off). */
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  OUTBOX_DISPATCH_INTERVAL?: string;

  /** The first retry of a failed mail waits this long; each further one twice as long. */
  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  OUTBOX_RETRY_DELAY?: string;

  /** Attempts before a message is parked as failed (visible to admins at GET /outbox). */
  @IsOptional()
  @Matches(/^([1-9]|[1-9]\d)$/, { message: 'OUTBOX_MAX_ATTEMPTS must be 1-99' })
  OUTBOX_MAX_ATTEMPTS?: string;
}

export const ordersConfig = configKey('orders');

export function readOrdersConfig(env: OrdersEnvironment) {
  return {
    paymentTimeoutMs: parseDurationMs(env.ORDER_PAYMENT_TIMEOUT ?? '30m'),
    expiryIntervalMs: parseDurationMs(env.ORDER_EXPIRY_INTERVAL ?? '1m'),
    outboxDispatchIntervalMs: parseDurationMs(env.OUTBOX_DISPATCH_INTERVAL ?? '5s'),
    outboxRetryDelayMs: parseDurationMs(env.OUTBOX_RETRY_DELAY ?? '10s'),
    outboxMaxAttempts: Number(env.OUTBOX_MAX_ATTEMPTS ?? 8),
  };
}

export type OrdersConfig = ReturnType<typeof readOrdersConfig>;
