import { Injectable } from '@nestjs/common';
import {
  InvalidTransitionError,
  NotFoundError,
  OrderAlreadyPaidError,
  PaymentInProgressError,
} from '@kassa/common';
import { OrderStatus } from './order-status';
import { OrderRecord, OrderRepository } from './order.repository';

/**
 * What paying needs of orders: the claim that lets one payment at a time call the card processor,
 * and the move to `paid` once a charge captured. Payments call it; orders know nothing of them.
 */
@Injectable()
export class OrderPaymentsService {
  constructor(private readonly orders: OrderRepository) {}

  /**
   * The caller's order if it can be paid now: 404 when it is not theirs, 409 when it is paid
   * (`ORDER_ALREADY_PAID`), being paid (`PAYMENT_IN_PROGRESS`) or no longer payable
   * (`INVALID_TRANSITION`).
   */
  async findPayable(customerId: string, orderId: string): Promise<OrderRecord> {
    const order = await this.orders.findById(orderId);
    if (!order || order.customerId !== customerId) throw new NotFoundError('Order', orderId);
    return refuseUnpayable(order);
  }

  /** Claims the order for one charge; the same refusals as {@link findPayable} when it cannot. */
  async claimForCharge(customerId: string, orderId: string): Promise<OrderRecord> {
    const order = await this.findPayable(customerId, orderId);
    if (await this.orders.claimForCharge(orderId)) return order;
    refuseUnpayable((await this.orders.findById(orderId))!);
    throw new PaymentInProgressError(orderId);
  }

  /** Lets the order be paid again (its charge did not capture). */
  releaseCharge(orderId: string): Promise<void> {
    return this.orders.releaseChargeClaim(orderId);
  }

  /** Moves a pending order to `paid` once its charge captured; null when it was not pending any more. */
  markPaid(orderId: string, by: string, at: Date): Promise<OrderRecord | null> {
    return this.orders.transition({
      id: orderId,
      expected: { status: OrderStatus.Pending },
      to: OrderStatus.Paid,
      by,
      at,
      set: { paidAt: at, chargeInProgress: false },
    });
  }

  findById(orderId: string): Promise<OrderRecord | null> {
    return this.orders.findById(orderId);
  }
}

function refuseUnpayable(order: OrderRecord): OrderRecord {
  if (order.status === OrderStatus.Paid) throw new OrderAlreadyPaidError(order._id);
  if (order.status !== OrderStatus.Pending) {
    throw new InvalidTransitionError('Order', order.status, OrderStatus.Paid);
  }
  if (order.chargeInProgress) throw new PaymentInProgressError(order._id);
  return order;
}
