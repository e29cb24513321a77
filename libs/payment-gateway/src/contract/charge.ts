/** Card details as the caller sends them; the gateway keeps only the last four digits and the holder. */
export interface CardDetails {
  holder: string;
  /** 16 digits passing the Luhn check. */
  number: string;
  /** `MMYY`, the card is valid through the end of that month. */
  expiry: string;
  /** 3 digits. */
  cvv: string;
}

/** A charge: `amount` in integer minor units of `currency` (ISO 4217), for `reference`. */
export interface ChargeRequest {
  amount: number;
  currency: string;
  card: CardDetails;
  /** The caller's id of what is paid (an order id): at most one paid charge per reference. */
  reference: string;
}

/** A captured charge. */
export interface PaidCharge {
  paymentId: string;
  status: 'paid';
  amount: number;
  currency: string;
  reference: string;
  cardLast4: string;
  /** ISO-8601 UTC. */
  createdAt: string;
}

export const DECLINE_REASONS = ['card_declined', 'insufficient_funds'] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];

/** What a decline says, by reason. */
export const DECLINE_MESSAGES: Record<DeclineReason, string> = {
  card_declined: 'The card was declined',
  insufficient_funds: 'The card has insufficient funds',
};

/** The card was refused: an answer, not an error; nothing was charged. */
export interface DeclinedCharge {
  status: 'declined';
  reason: DeclineReason;
  message: string;
}

/** A paid charge already exists for the reference: its id, nothing new was charged. */
export interface DuplicateCharge {
  status: 'duplicate';
  paymentId: string;
  message: string;
}
