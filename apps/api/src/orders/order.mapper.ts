import { formatMoney } from '@kassa/common';
import { OrderResponseDto } from './dto/order-response.dto';
import { OrderRecord } from './order.repository';

/** An order as the API shows it; the internal note only to admins. */
export function toOrderResponse(order: OrderRecord, forAdmin: boolean): OrderResponseDto {
  return {
    id: order._id,
    customerId: order.customerId,
    status: order.status,
    lines: order.lines.map((line) => ({
      productId: line.productId,
      model: line.model,
      quantity: line.quantity,
      unitPrice: formatMoney(line.unitPriceCents),
      discount: line.discount && {
        id: line.discount.id,
        name: line.discount.name,
        amount: formatMoney(line.discount.amountCents),
      },
      lineTotal: formatMoney(line.lineTotalCents),
      promoShare: formatMoney(line.promoShareCents),
      total: formatMoney(line.lineTotalCents - line.promoShareCents),
      returnedQuantity: line.returnedQuantity ?? 0,
    })),
    subtotal: formatMoney(order.subtotalCents),
    promoCode: order.promo && {
      code: order.promo.code,
      discount: formatMoney(order.promo.discountCents),
    },
    discountTotal: formatMoney(order.discountTotalCents),
    total: formatMoney(order.totalCents),
    currency: order.currency,
    refunded: formatMoney(order.refundedCents ?? 0),
    ...(forAdmin && { note: order.note }),
    history: order.history.map((entry) => ({
      status: entry.status,
      at: entry.at.toISOString(),
      by: entry.by,
    })),
    expiresAt: order.expiresAt.toISOString(),
    paidAt: order.paidAt?.toISOString() ?? null,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}
