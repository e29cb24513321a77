import { randomUUID } from 'node:crypto';
import { ChargeAnswer, LookupAnswer, RefundAnswer } from '../contract/answers';
import { ChargeRequest } from '../contract/charge';
import { lastFourDigits } from '../contract/request-rules';
import { CardBehaviour, cardBehaviour } from '../contract/test-cards';
import { PaymentRecord, PaymentStore } from '../store/payment-store';
import {
  declined,
  duplicateCharge,
  invalidRequest,
  paymentNotFound,
  processingFailed,
  refundExceedsPayment,
} from './answer-builders';
import { chargeFingerprint, refundFingerprint } from './fingerprint';
import { IdempotencyKeys } from './idempotency-keys';
import { toPaidCharge, toPaymentView, toRefund } from './payment-views';
import { parseCharge, parsePaymentId, parseReference, parseRefund } from './request-parsing';

export interface PaymentProcessorOptions {
  /** How long every answer to the hanging test card is held back (default 30 s). */
  hangMs?: number;
  /** How many attempts of each refund key fail for the refund-failing test card (default 3). */
  refundFailures?: number;
  /** After this long an unanswered claim on a key may be taken over (default 30 s). */
  keyLeaseMs?: number;
  now?: () => Date;
  newId?: () => string;
  /** Waits `ms`; the hang of the hanging card goes through it. */
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_HANG_MS = 30_000;
export const DEFAULT_REFUND_FAILURES = 3;
const DEFAULT_KEY_LEASE_MS = 30_000;

/** A timer that does not keep the process alive: a hang never holds up an exit. */
function unrefSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * The deterministic card processor: the outcome of a charge follows from the card number (see
 * `TEST_CARDS`), requests are idempotent by key, a reference is paid at most once, refunds never
 * exceed the captured amount. Every input is validated here, so it may come straight off the
 * wire. Answers are results (`status`), never exceptions; only a fault of the store throws.
 */
export class PaymentProcessor {
  private readonly keys: IdempotencyKeys;
  private readonly hangMs: number;
  private readonly refundFailures: number;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly store: PaymentStore,
    options: PaymentProcessorOptions = {},
  ) {
    this.hangMs = options.hangMs ?? DEFAULT_HANG_MS;
    this.refundFailures = options.refundFailures ?? DEFAULT_REFUND_FAILURES;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
    this.sleep = options.sleep ?? unrefSleep;
    this.keys = new IdempotencyKeys(store, this.now, options.keyLeaseMs ?? DEFAULT_KEY_LEASE_MS);
  }

  async charge(body: unknown, idempotencyKey: unknown): Promise<ChargeAnswer> {
    const parsed = parseCharge(body, idempotencyKey, this.now());
    if (!parsed.ok) return invalidRequest(parsed.problems);
    const { request, key } = parsed.value;
    const behaviour = cardBehaviour(request.card.number);
    const answer = await this.keys.run(key, chargeFingerprint(request), (attempt) =>
      this.settleCharge(request, behaviour, attempt),
    );
    if (behaviour === 'charge_then_hang') await this.sleep(this.hangMs);
    return answer;
  }

  async refund(paymentId: unknown, body: unknown, idempotencyKey: unknown): Promise<RefundAnswer> {
    const parsed = parseRefund(paymentId, body, idempotencyKey);
    if (!parsed.ok) return invalidRequest(parsed.problems);
    const { key, amount } = parsed.value;
    return this.keys.run(key, refundFingerprint(parsed.value.paymentId, amount), (attempt) =>
      this.settleRefund(parsed.value.paymentId, amount, attempt),
    );
  }

  async findPayment(paymentId: unknown): Promise<LookupAnswer> {
    const parsed = parsePaymentId(paymentId);
    if (!parsed.ok) return invalidRequest(parsed.problems);
    return this.found(await this.store.findPayment(parsed.value));
  }

  async findByReference(reference: unknown): Promise<LookupAnswer> {
    const parsed = parseReference(reference);
    if (!parsed.ok) return invalidRequest(parsed.problems);
    return this.found(await this.store.findPaymentByReference(parsed.value));
  }

  private found(payment: PaymentRecord | null): LookupAnswer {
    return payment ? { status: 'found', payment: toPaymentView(payment) } : paymentNotFound();
  }

  private async settleCharge(
    request: ChargeRequest,
    behaviour: CardBehaviour,
    attempt: number,
  ): Promise<ChargeAnswer> {
    if (behaviour === 'fail_always' || (behaviour === 'fail_first_attempt' && attempt === 1)) {
      return processingFailed();
    }
    const existing = await this.store.findPaymentByReference(request.reference);
    if (existing) return duplicateCharge(existing.id);
    if (behaviour === 'decline_card') return declined('card_declined');
    if (behaviour === 'decline_funds') return declined('insufficient_funds');
    const payment: PaymentRecord = {
      id: this.newId(),
      reference: request.reference,
      amount: request.amount,
      currency: request.currency,
      cardLast4: lastFourDigits(request.card.number),
      cardHolder: request.card.holder,
      createdAt: this.now(),
      refundedAmount: 0,
      refunds: [],
      refundsFailFirst: behaviour === 'refunds_fail_first',
    };
    if (await this.store.insertPayment(payment)) return toPaidCharge(payment);
    // Another charge for the reference won the unique index since the check above.
    const winner = await this.store.findPaymentByReference(request.reference);
    return winner ? duplicateCharge(winner.id) : processingFailed();
  }

  private async settleRefund(
    paymentId: string,
    amount: number,
    attempt: number,
  ): Promise<RefundAnswer> {
    const payment = await this.store.findPayment(paymentId);
    if (!payment) return paymentNotFound();
    if (payment.refundsFailFirst && attempt <= this.refundFailures) return processingFailed();
    const refund = { id: this.newId(), amount, createdAt: this.now() };
    // The amount never changes, so "refunded so far ≤ amount − this refund" decides atomically.
    const refunded = await this.store.addRefund(paymentId, refund, payment.amount - amount);
    return refunded ? toRefund(refund, refunded) : refundExceedsPayment(payment.amount);
  }
}
