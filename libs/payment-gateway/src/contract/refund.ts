/** A refund of part or all of a payment, in minor units of the payment's currency. */
export interface RefundRequest {
  amount: number;
}

/** A refund that was made. */
export interface Refund {
  refundId: string;
  status: 'refunded';
  paymentId: string;
  amount: number;
  currency: string;
  /** ISO-8601 UTC. */
  createdAt: string;
}
