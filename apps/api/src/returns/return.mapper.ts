import { formatMoney } from '@kassa/common';
import { OrderReturnStatusDto, ReturnResponseDto } from './dto/return-response.dto';
import { ReturnRecord } from './return.repository';
import { OrderReturnStatus } from './return.service';

export function toReturnResponse(request: ReturnRecord): ReturnResponseDto {
  return {
    id: request._id,
    orderId: request.orderId,
    customerId: request.customerId,
    status: request.status,
    items: request.items.map((item) => ({
      productId: item.productId,
      model: item.model,
      quantity: item.quantity,
      refund: formatMoney(item.refundCents),
    })),
    reason: request.reason,
    rejectionReason: request.rejectionReason,
    amount: formatMoney(request.amountCents),
    currency: request.currency,
    refund: {
      gatewayRefundId: request.refund.gatewayRefundId,
      failedAttempts: request.refund.attempts,
      failure: request.refund.failure,
    },
    history: request.history.map((entry) => ({
      status: entry.status,
      at: entry.at.toISOString(),
      by: entry.by,
    })),
    createdAt: request.createdAt.toISOString(),
    updatedAt: request.updatedAt.toISOString(),
  };
}

export function toOrderReturnStatus(standing: OrderReturnStatus): OrderReturnStatusDto {
  return {
    orderId: standing.orderId,
    status: standing.status,
    returns: standing.returns.map((request) => ({
      id: request._id,
      status: request.status,
      amount: formatMoney(request.amountCents),
      currency: request.currency,
    })),
  };
}
