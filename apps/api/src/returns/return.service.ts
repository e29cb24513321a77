import { Inject, Injectable } from '@nestjs/common';
import { ListQuery, NotFoundError, Page, toPage } from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { AuthUser } from '../access/auth-user';
import { isStaff } from '../access/role';
import { ReturnsConfig, returnsConfig } from '../config/returns.config';
import { OrderReturnsService } from '../orders/order-returns.service';
import { OrderStatus } from '../orders/order-status';
import { OrderService } from '../orders/order.service';
import { ProductUnits } from '../orders/order.repository';
import { ReturnDecisionService, SYSTEM } from './return-decision.service';
import { ReturnNotices } from './return-notices';
import { ReturnRecord, ReturnRepository } from './return.repository';
import { ReturnStatus } from './return-status';

export interface ReturnInput {
  items: ProductUnits[];
  reason: string;
}

/** Where an order stands with returns, and its returns. */
export interface OrderReturnStatus {
  orderId: string;
  status: 'none' | 'requested' | 'partially_returned' | 'returned';
  returns: ReturnRecord[];
}

const OPEN = new Set([ReturnStatus.Requested, ReturnStatus.Approved]);

/** Customers asking to return what they bought, and who may read which return. */
@Injectable()
export class ReturnService {
  constructor(
    private readonly returns: ReturnRepository,
    private readonly orderReturns: OrderReturnsService,
    private readonly orders: OrderService,
    private readonly decisions: ReturnDecisionService,
    private readonly notices: ReturnNotices,
    private readonly transactions: TransactionRunner,
    @Inject(returnsConfig.KEY) private readonly config: ReturnsConfig,
  ) {}

  /**
   * Asks to return items of the customer's paid order: their units are set aside at once (so
   * two requests never return the same unit) and, with `RETURNS_AUTO_APPROVE`, approved and
   * refunded straight away.
   */
  async request(customerId: string, orderId: string, input: ReturnInput): Promise<ReturnRecord> {
    const now = new Date();
    const requested = await this.transactions.run(async () => {
      const { currency, items } = await this.orderReturns.setAside(
        customerId,
        orderId,
        input.items,
        this.config.windowMs,
        now,
      );
      const amountCents = items.reduce((sum, item) => sum + item.refundCents, 0);
      const created = await this.returns.create(
        { orderId, customerId, items, reason: input.reason, amountCents, currency },
        customerId,
        now,
      );
      await this.notices.tell(created, now);
      return created;
    });
    return this.config.autoApprove ? this.decisions.approve(SYSTEM, requested._id) : requested;
  }

  /** A return the caller may see: their own, any for staff; else 404. */
  async get(caller: AuthUser, id: string): Promise<ReturnRecord> {
    const found = await this.returns.findById(id);
    if (!found || (!isStaff(caller.role) && found.customerId !== caller.id)) {
      throw new NotFoundError('Return', id);
    }
    return found;
  }

  /** The returns of an order the caller may see. */
  async listForOrder(
    caller: AuthUser,
    orderId: string,
    query: ListQuery,
  ): Promise<Page<ReturnRecord>> {
    await this.orders.get(caller, orderId);
    const page = await this.returns.list(query, { orderId });
    return toPage(page.items, page.total, query);
  }

  /** Every return (admins). */
  async list(query: ListQuery): Promise<Page<ReturnRecord>> {
    const page = await this.returns.list(query, {});
    return toPage(page.items, page.total, query);
  }

  /** Whether anything of the order is being or has been returned, and its returns. */
  async statusOf(caller: AuthUser, orderId: string): Promise<OrderReturnStatus> {
    const order = await this.orders.get(caller, orderId);
    const returns = await this.returns.findByOrder(orderId);
    return { orderId, status: returnStatusOf(order.status, returns), returns };
  }
}

function returnStatusOf(order: OrderStatus, returns: ReturnRecord[]): OrderReturnStatus['status'] {
  if (order === OrderStatus.Returned) return 'returned';
  if (order === OrderStatus.PartiallyReturned) return 'partially_returned';
  return returns.some((request) => OPEN.has(request.status)) ? 'requested' : 'none';
}
