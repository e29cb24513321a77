import { randomUUID } from 'node:crypto';
import { ChargeRequest } from '../contract/charge';
import { PaymentProcessor, PaymentProcessorOptions } from '../processor/payment-processor';
import { MemoryPaymentStore } from '../store/memory-payment-store';
import { PaymentStore } from '../store/payment-store';

/** The test cards by what they do, plus an ordinary valid card. */
export const CARD = {
  approved: '4242424242424242',
  declined: '4000000000000002',
  insufficientFunds: '4000000000009995',
  failsFirstAttempt: '4000000000000119',
  failsAlways: '4000000000000127',
  hangs: '4000000000000259',
  refundsFail: '4000000000005126',
  otherValid: '5555555555554444',
} as const;

export const CVV = '737';
/** The clock of processor specs: cards expiring `1230` or later are valid. */
export const NOW = new Date('2030-06-15T12:00:00.000Z');

export function uniqueKey(): string {
  return `key-${randomUUID()}`;
}

export function uniqueReference(): string {
  return `order-${randomUUID()}`;
}

/** A valid charge of 129900 USD for a fresh reference; `overrides` replace any field. */
export function chargeRequest(
  cardNumber: string = CARD.approved,
  overrides: Partial<ChargeRequest> = {},
): ChargeRequest {
  return {
    amount: 129_900,
    currency: 'USD',
    card: { holder: 'Ada Lovelace', number: cardNumber, expiry: '1232', cvv: CVV },
    reference: uniqueReference(),
    ...overrides,
  };
}

/** A processor on `store` with the spec clock; the hang never ends unless a spec says so. */
export function newProcessor(
  store: PaymentStore = new MemoryPaymentStore(),
  options: PaymentProcessorOptions = {},
): PaymentProcessor {
  return new PaymentProcessor(store, { now: () => NOW, ...options });
}

/** A promise and the function that settles it, for holding a step until a spec releases it. */
export function deferred(): { promise: Promise<void>; release: () => void } {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}
