import { Injectable } from '@nestjs/common';
import { ForbiddenError, InvalidTransitionError } from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { AuthUser } from '../../access/auth-user';
import { Role } from '../../access/role';
import { walletOf } from '../../ledger/ledger-account';
import { LedgerService } from '../../ledger/ledger.service';
import { OutboxService } from '../../outbox/outbox.service';
import { UserAccounts } from '../../users/user-accounts.service';
import { paymentReceiptMail } from './payment-mail';
import { PAYMENT_TRANSITIONS, PaymentStatus } from './payment-status';
import { PaymentService } from './payment.service';
import { PaymentRecordOf, PaymentRepository } from './payment.repository';

/**
 * Confirming and cancelling payments. A confirmation is one transaction: the conditional move
 * from `created` to `paid`, the transfer from the payer's wallet to the payee's in the ledger
 * (refused when the payer's balance is short: then nothing moves and the payment stays
 * `created`), and the payer's receipt in the outbox.
 */
@Injectable()
export class PaymentLifecycleService {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly reading: PaymentService,
    private readonly ledger: LedgerService,
    private readonly accounts: UserAccounts,
    private readonly outbox: OutboxService,
    private readonly transactions: TransactionRunner,
  ) {}

  /** Only the payer confirms (the payee and admins get 403, anyone else 404). */
  async confirm(caller: AuthUser, id: string): Promise<PaymentRecordOf> {
    const payment = await this.reading.get(caller, id);
    if (payment.payerId !== caller.id) {
      throw new ForbiddenError('Only the payer can confirm a payment');
    }
    PAYMENT_TRANSITIONS.assert(payment.status, PaymentStatus.Paid);
    return this.transactions.run(async () => {
      const now = new Date();
      const paid = await this.payments.transition({
        id,
        expected: { status: PaymentStatus.Created },
        to: PaymentStatus.Paid,
        set: { paidAt: now },
      });
      if (!paid) return this.refuseStale(caller, id, PaymentStatus.Paid);
      const payer = await this.accounts.get(paid.payerId);
      const payee = await this.accounts.get(paid.payeeId);
      const entry = await this.ledger.transfer({
        from: walletOf(paid.payerId),
        to: walletOf(paid.payeeId),
        amountCents: paid.amountCents,
        kind: 'transfer',
        reference: `payment:${paid._id}`,
        memo: `Payment from ${payer.username} to ${payee.username}`,
      });
      const payerPosting = entry.postings.find((posting) => posting.amountCents < 0)!;
      await this.outbox.enqueue(
        'payment-confirmed',
        paymentReceiptMail(paid, {
          payer,
          payee,
          payerBalanceCents: payerPosting.balanceAfterCents,
        }),
        now,
      );
      return paid;
    });
  }

  /** The payer or an admin cancels a payment still `created` (the payee gets 403). */
  async cancel(caller: AuthUser, id: string): Promise<PaymentRecordOf> {
    const payment = await this.reading.get(caller, id);
    if (payment.payerId !== caller.id && caller.role !== Role.Admin) {
      throw new ForbiddenError('Only the payer or an admin can cancel a payment');
    }
    PAYMENT_TRANSITIONS.assert(payment.status, PaymentStatus.Cancelled);
    const cancelled = await this.payments.transition({
      id,
      expected: { status: PaymentStatus.Created },
      to: PaymentStatus.Cancelled,
      set: { cancelledAt: new Date() },
    });
    return cancelled ?? this.refuseStale(caller, id, PaymentStatus.Cancelled);
  }

  /** The move lost a race: answer with the state the payment is in now. */
  private async refuseStale(caller: AuthUser, id: string, to: PaymentStatus): Promise<never> {
    const now = await this.reading.get(caller, id);
    throw new InvalidTransitionError('Payment', now.status, to);
  }
}
