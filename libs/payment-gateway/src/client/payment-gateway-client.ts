import { KeyInProgress, ProcessingFailed } from '../contract/answers';
import { ChargeRequest } from '../contract/charge';
import { RefundRequest } from '../contract/refund';
import {
  ChargeResult,
  LookupResult,
  OutcomeUnknown,
  RefundResult,
  UnknownReason,
} from './client-results';
import { CallContext, GatewayTransport } from './gateway-transport';
import { backoffDelayMs, seededRandom, TIMED_OUT, withTimeout } from './retry-policy';

export interface PaymentGatewayClientOptions {
  /** Attempts per operation, the first included (default 3). */
  maxAttempts?: number;
  /** Backoff step before the first retry; doubles per retry (default 200 ms). */
  baseDelayMs?: number;
  /** Cap of the backoff step (default 2 s). */
  maxDelayMs?: number;
  /** How long one attempt may take before it counts as timed out (default 5 s). */
  timeoutMs?: number;
  /** Source of the jitter, in [0, 1); wins over `seed`. Default `Math.random`. */
  random?: () => number;
  /** Seeds the jitter (see `seededRandom`), for reproducible delays. */
  seed?: number;
  /** Waits between attempts (default a timer). */
  sleep?: (ms: number) => Promise<void>;
}

/** Per call: a request id the gateway logs too. */
export interface CallOptions {
  requestId?: string;
}

type Retryable = ProcessingFailed | KeyInProgress;
type Attempt<A> = { answer: A } | { reason: UnknownReason };

const UNKNOWN_MESSAGES: Record<UnknownReason, string> = {
  timeout: 'The gateway did not answer in time',
  unreachable: 'The gateway could not be reached',
  gateway_error: 'The gateway failed',
  key_in_use: 'The gateway was still processing a request with this key',
};

function isRetryable(answer: { status: string }): answer is Retryable {
  return answer.status === 'failed' || answer.status === 'in_progress';
}

function timerSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function positive(name: string, value: number, integer: boolean): number {
  if (!(value > 0) || (integer && !Number.isInteger(value))) {
    throw new RangeError(`${name} must be a positive ${integer ? 'integer' : 'number'}`);
  }
  return value;
}

/**
 * The gateway as the shop uses it. Every operation is retried on a 500, a busy key, a timeout or
 * an unreachable gateway, with exponential backoff and jitter, always under the same idempotency
 * key; a 400, a decline or a not-found is final. A charge that hits an already paid reference
 * resolves to that payment. After the last attempt the result is `unknown`: nothing throws for
 * an expected outcome.
 */
export class PaymentGatewayClient {
  private readonly maxAttempts: number;
  private readonly baseDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly timeoutMs: number;
  private readonly random: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly transport: GatewayTransport,
    options: PaymentGatewayClientOptions = {},
  ) {
    this.maxAttempts = positive('maxAttempts', options.maxAttempts ?? 3, true);
    this.baseDelayMs = positive('baseDelayMs', options.baseDelayMs ?? 200, false);
    this.maxDelayMs = positive('maxDelayMs', options.maxDelayMs ?? 2_000, false);
    this.timeoutMs = positive('timeoutMs', options.timeoutMs ?? 5_000, false);
    const seeded = options.seed === undefined ? Math.random : seededRandom(options.seed);
    this.random = options.random ?? seeded;
    this.sleep = options.sleep ?? timerSleep;
  }

  async charge(
    request: ChargeRequest,
    idempotencyKey: string,
    options: CallOptions = {},
  ): Promise<ChargeResult> {
    const answer = await this.withRetries(
      (context) => this.transport.charge(request, idempotencyKey, context),
      options,
    );
    if (answer.status === 'paid') return { ...answer, duplicate: false };
    if (answer.status !== 'duplicate') return answer;
    return this.resolveDuplicate(answer.paymentId, options);
  }

  async refund(
    paymentId: string,
    request: RefundRequest,
    idempotencyKey: string,
    options: CallOptions = {},
  ): Promise<RefundResult> {
    return this.withRetries(
      (context) => this.transport.refund(paymentId, request, idempotencyKey, context),
      options,
    );
  }

  async findPayment(paymentId: string, options: CallOptions = {}): Promise<LookupResult> {
    return this.withRetries((context) => this.transport.findPayment(paymentId, context), options);
  }

  async findByReference(reference: string, options: CallOptions = {}): Promise<LookupResult> {
    return this.withRetries(
      (context) => this.transport.findByReference(reference, context),
      options,
    );
  }

  private async resolveDuplicate(paymentId: string, options: CallOptions): Promise<ChargeResult> {
    const lookup = await this.findPayment(paymentId, options);
    if (lookup.status === 'unknown') return lookup;
    if (lookup.status !== 'found') {
      return this.unknown('gateway_error', 1, `The gateway named payment ${paymentId} but lost it`);
    }
    const { payment } = lookup;
    return {
      paymentId: payment.paymentId,
      status: 'paid',
      amount: payment.amount,
      currency: payment.currency,
      reference: payment.reference,
      cardLast4: payment.cardLast4,
      createdAt: payment.createdAt,
      duplicate: true,
    };
  }

  private async withRetries<A extends { status: string }>(
    call: (context: CallContext) => Promise<A>,
    options: CallOptions,
  ): Promise<Exclude<A, Retryable> | OutcomeUnknown> {
    for (let attempt = 1; ; attempt += 1) {
      const outcome = await this.attempt(call, options);
      if ('answer' in outcome && !isRetryable(outcome.answer)) {
        return outcome.answer as Exclude<A, Retryable>;
      }
      const reason = 'reason' in outcome ? outcome.reason : this.reasonOf(outcome.answer);
      if (attempt >= this.maxAttempts) return this.unknown(reason, attempt);
      await this.sleep(backoffDelayMs(attempt, this.baseDelayMs, this.maxDelayMs, this.random));
    }
  }

  private async attempt<A>(
    call: (context: CallContext) => Promise<A>,
    options: CallOptions,
  ): Promise<Attempt<A>> {
    try {
      const answer = await withTimeout(
        (signal) => call({ signal, requestId: options.requestId }),
        this.timeoutMs,
      );
      return answer === TIMED_OUT ? { reason: 'timeout' } : { answer };
    } catch {
      return { reason: 'unreachable' };
    }
  }

  private reasonOf(answer: { status: string }): UnknownReason {
    return answer.status === 'in_progress' ? 'key_in_use' : 'gateway_error';
  }

  private unknown(reason: UnknownReason, attempts: number, message?: string): OutcomeUnknown {
    return { status: 'unknown', reason, attempts, message: message ?? UNKNOWN_MESSAGES[reason] };
  }
}
