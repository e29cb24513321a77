import { Inject, Injectable } from '@nestjs/common';
import { ListQuery, NotFoundError, Page, parseMoney, toPage, ValidationError } from '@kassa/common';
import { MAX_AMOUNT } from '@kassa/payment-gateway';
import { AuthUser } from '../../access/auth-user';
import { isStaff, Role } from '../../access/role';
import { CatalogConfig, catalogConfig } from '../../config/catalog.config';
import { UserAccounts } from '../../users/user-accounts.service';
import { PaymentCardDto, storedCard } from '../card.dto';
import { PaymentRecordOf, PaymentRepository } from './payment.repository';

export interface NewPaymentInput {
  payeeId: string;
  amount: string;
  currency?: string;
  card: PaymentCardDto;
}

/**
 * Payments between users: created by the payer for an active payee, seen by both parties (and
 * admins), hidden from everyone else as if they did not exist.
 */
@Injectable()
export class PaymentService {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly accounts: UserAccounts,
    @Inject(catalogConfig.KEY) private readonly catalog: CatalogConfig,
  ) {}

  /**
   * A new payment in status `created`, of the caller to `payeeId`: an active user other than the
   * caller (an unknown, unverified or deactivated one is a 404). The card is kept as its last
   * four digits and holder.
   */
  async create(caller: AuthUser, input: NewPaymentInput): Promise<PaymentRecordOf> {
    const amountCents = this.amountOf(input);
    if (input.payeeId.toLowerCase() === caller.id) {
      throw ValidationError.forField('payeeId', 'payeeId must be another user than the payer');
    }
    const payee = await this.accounts.findActive(input.payeeId.toLowerCase());
    if (!payee) throw new NotFoundError('User', input.payeeId);
    return this.payments.create({
      payerId: caller.id,
      payeeId: payee._id,
      amountCents,
      currency: this.catalog.currency,
      card: storedCard(input.card),
    });
  }

  async list(caller: AuthUser, query: ListQuery): Promise<Page<PaymentRecordOf>> {
    const visible =
      caller.role === Role.Admin ? {} : { $or: [{ payerId: caller.id }, { payeeId: caller.id }] };
    const page = await this.payments.list(query, visible);
    return toPage(page.items, page.total, query);
  }

  /** The payment if the caller is its payer or payee, or an admin; else 404. */
  async get(caller: AuthUser, id: string): Promise<PaymentRecordOf> {
    const payment = await this.payments.findById(id);
    if (!payment || !isVisibleTo(payment, caller)) throw new NotFoundError('Payment', id);
    return payment;
  }

  private amountOf(input: NewPaymentInput): number {
    if (input.currency !== undefined && input.currency !== this.catalog.currency) {
      throw ValidationError.forField(
        'currency',
        `currency must be ${this.catalog.currency}, the shop currency`,
      );
    }
    const cents = parseMoney(input.amount, 'amount');
    if (cents < 1 || cents > MAX_AMOUNT) {
      throw ValidationError.forField('amount', 'amount must be from 0.01 to 999999.99');
    }
    return cents;
  }
}

function isVisibleTo(payment: PaymentRecordOf, caller: AuthUser): boolean {
  return isStaff(caller.role) || payment.payerId === caller.id || payment.payeeId === caller.id;
}
