/** A refund as stored on its payment. */
export interface RefundRecord {
  id: string;
  amount: number;
  createdAt: Date;
}

/** A paid charge as stored: the card is reduced to its last four digits and the holder. */
export interface PaymentRecord {
  id: string;
  reference: string;
  amount: number;
  currency: string;
  cardLast4: string;
  cardHolder: string;
  createdAt: Date;
  refundedAmount: number;
  refunds: RefundRecord[];
  /** Charged with the card whose refund attempts fail first (a test card). */
  refundsFailFirst: boolean;
}

export type KeyState = 'in_flight' | 'completed' | 'failed';

/**
 * An idempotency key: the fingerprint of the request first sent with it, how often it was
 * attempted, and once completed the answer that every replay returns.
 */
export interface KeyRecord {
  key: string;
  fingerprint: string;
  state: KeyState;
  attempts: number;
  /** An `in_flight` claim older than this is treated as abandoned and may be taken over. */
  leaseExpiresAt: Date;
  createdAt: Date;
  answer?: unknown;
}

/**
 * Where the processor keeps payments and idempotency keys. Every method is one atomic step;
 * the processor builds its rules (one answer per key, one paid charge per reference, refunds
 * never above the amount) from these steps, so any store that keeps them atomic is race-free.
 */
export interface PaymentStore {
  /** Inserts a new key (state `in_flight`, attempt 1); false when the key exists. */
  insertKey(record: KeyRecord): Promise<boolean>;
  /**
   * Takes over a key with this fingerprint that is `failed`, or `in_flight` with a lease that
   * expired by `now`: state `in_flight`, attempts + 1, the new lease. Null when there is none.
   */
  reclaimKey(
    key: string,
    fingerprint: string,
    now: Date,
    leaseExpiresAt: Date,
  ): Promise<KeyRecord | null>;
  findKey(key: string): Promise<KeyRecord | null>;
  /** Stores the answer of an `in_flight` key and marks it `completed`. */
  completeKey(key: string, answer: unknown): Promise<void>;
  /** Marks an `in_flight` key `failed`, so that a retry with it may run again. */
  failKey(key: string): Promise<void>;

  /** Inserts a payment; false when a payment for its reference exists. */
  insertPayment(record: PaymentRecord): Promise<boolean>;
  findPayment(id: string): Promise<PaymentRecord | null>;
  findPaymentByReference(reference: string): Promise<PaymentRecord | null>;
  /**
   * Adds a refund to a payment when its refunded amount is at most `maxRefundedBefore`, and
   * raises the refunded amount by the refund's, in one step. Null when the condition fails.
   */
  addRefund(
    paymentId: string,
    refund: RefundRecord,
    maxRefundedBefore: number,
  ): Promise<PaymentRecord | null>;
}
