import { Injectable } from '@nestjs/common';
import { CardDto } from '@kassa/payment-gateway';
import { OrderPaymentsService } from '../../orders/order-payments.service';
import { OrderRecord } from '../../orders/order.repository';
import { CardChargeService } from '../charges/card-charge.service';
import { CardChargeRecord } from '../charges/card-charge.repository';
import { PaymentMetrics } from '../charges/payment-metrics';

export interface OrderPaymentOutcome {
  charge: CardChargeRecord | null;
  order: OrderRecord;
}

/**
 * Pays a pending order of the caller's by card, exactly once: the attempt is recorded, then the
 * order is claimed for it (of concurrent attempts one claims, the others get a 409 and never call
 * the gateway), then the card is charged under the attempt's own idempotency key. Captured: the
 * order is paid. Declined: 402, the order stays payable. In doubt: the order waits (it does not
 * expire) until the reconciler settles the charge.
 */
@Injectable()
export class OrderPaymentService {
  constructor(
    private readonly orders: OrderPaymentsService,
    private readonly charges: CardChargeService,
    private readonly metrics: PaymentMetrics,
  ) {}

  async pay(
    customerId: string,
    orderId: string,
    card: CardDto,
    requestId?: string,
  ): Promise<OrderPaymentOutcome> {
    const order = await this.orders.findPayable(customerId, orderId);
    if (order.totalCents === 0) return this.payNothing(customerId, orderId);
    const charge = await this.charges.record({
      purpose: 'order',
      reference: order._id,
      customerId,
      amountCents: order.totalCents,
      currency: order.currency,
      card,
    });
    try {
      await this.orders.claimForCharge(customerId, orderId);
    } catch (refusal) {
      await this.charges.abandon(charge, 'the order could not be claimed for payment');
      throw refusal;
    }
    const settled = await this.charges.charge(charge, card, requestId);
    return { charge: settled, order: (await this.orders.findById(orderId))! };
  }

  /** A fully discounted order is paid without a card charge. */
  private async payNothing(customerId: string, orderId: string): Promise<OrderPaymentOutcome> {
    await this.orders.claimForCharge(customerId, orderId);
    const paid = await this.orders.markPaid(orderId, customerId, new Date());
    if (paid) this.metrics.orderPaid();
    return { charge: null, order: paid ?? (await this.orders.findById(orderId))! };
  }
}
