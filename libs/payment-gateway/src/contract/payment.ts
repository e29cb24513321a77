/** One refund of a payment, as lookups show it. */
export interface RefundSummary {
  refundId: string;
  amount: number;
  createdAt: string;
}

/** A paid charge with its refunds, as lookups by id or by reference answer it. */
export interface PaymentView {
  paymentId: string;
  status: 'paid';
  amount: number;
  currency: string;
  reference: string;
  cardLast4: string;
  cardHolder: string;
  createdAt: string;
  /** Sum of the refunds; never more than `amount`. */
  refundedAmount: number;
  refunds: RefundSummary[];
}
