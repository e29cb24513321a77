import { Inject, Injectable } from '@nestjs/common';
import { parseMoney, ValidationError } from '@kassa/common';
import { CardDto } from '@kassa/payment-gateway';
import { CatalogConfig, catalogConfig } from '../../config/catalog.config';
import { CardChargeRecord } from '../charges/card-charge.repository';
import { CardChargeService } from '../charges/card-charge.service';

/**
 * Tops a wallet up from a card: the card is charged like an order (recorded first, settled by the
 * call or by the reconciler), and the amount moves in the ledger from the card network to the
 * customer's wallet in the transaction that marks the charge paid.
 */
@Injectable()
export class TopUpService {
  constructor(
    private readonly charges: CardChargeService,
    @Inject(catalogConfig.KEY) private readonly catalog: CatalogConfig,
  ) {}

  async topUp(
    customerId: string,
    amount: string,
    card: CardDto,
    requestId?: string,
  ): Promise<CardChargeRecord> {
    const amountCents = parseMoney(amount);
    if (amountCents === 0) throw ValidationError.forField('amount', 'amount must be above 0.00');
    const charge = await this.charges.record({
      purpose: 'top_up',
      reference: null,
      customerId,
      amountCents,
      currency: this.catalog.currency,
      card,
    });
    return this.charges.charge(charge, card, requestId);
  }
}
