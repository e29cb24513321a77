import { DeclinedCharge, DuplicateCharge, PaidCharge } from './charge';
import { FieldProblem } from './error-codes';
import { PaymentView } from './payment';
import { Refund } from './refund';

/** The request was refused as it stands (400); sending it again unchanged gets the same answer. */
export interface InvalidRequest {
  status: 'invalid';
  code: string;
  message: string;
  details?: FieldProblem[];
}

/** Another request with the same idempotency key is being processed (409): retry later. */
export interface KeyInProgress {
  status: 'in_progress';
  message: string;
}

/** The processor failed (500); nothing happened and the same key may be retried. */
export interface ProcessingFailed {
  status: 'failed';
  message: string;
}

export interface PaymentNotFound {
  status: 'not_found';
  message: string;
}

export interface PaymentFound {
  status: 'found';
  payment: PaymentView;
}

/** What the gateway answers to a charge, whichever transport carries it. */
export type ChargeAnswer =
  PaidCharge | DeclinedCharge | DuplicateCharge | InvalidRequest | KeyInProgress | ProcessingFailed;

/** What the gateway answers to a refund. */
export type RefundAnswer =
  Refund | InvalidRequest | PaymentNotFound | KeyInProgress | ProcessingFailed;

/** What the gateway answers to a lookup by id or by reference. */
export type LookupAnswer = PaymentFound | PaymentNotFound | InvalidRequest | ProcessingFailed;

export type GatewayAnswer = ChargeAnswer | RefundAnswer | LookupAnswer;
