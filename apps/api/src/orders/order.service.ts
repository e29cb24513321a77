import { Injectable } from '@nestjs/common';
import { InvalidTransitionError, ListQuery, NotFoundError, Page, toPage } from '@kassa/common';
import { AuthUser } from '../access/auth-user';
import { isStaff, Role } from '../access/role';
import { OrderLifecycleService } from './order-lifecycle.service';
import { ORDER_TRANSITIONS, OrderStatus } from './order-status';
import { OrderRecord, OrderRepository } from './order.repository';

/** What an admin may change on an order: its note, and a cancellation of an unpaid one. */
export interface AdminOrderChanges {
  note?: string;
  status?: OrderStatus.Cancelled;
}

/** Reading orders (customers their own, admins all) and the changes people may make to them. */
@Injectable()
export class OrderService {
  constructor(
    private readonly orders: OrderRepository,
    private readonly lifecycle: OrderLifecycleService,
  ) {}

  async list(caller: AuthUser, query: ListQuery): Promise<Page<OrderRecord>> {
    const ownOnly = caller.role === Role.Admin ? {} : { customerId: caller.id };
    const page = await this.orders.list(query, ownOnly);
    return toPage(page.items, page.total, query);
  }

  /** The order if the caller may see it: their own, or any for staff; else 404. */
  async get(caller: AuthUser, id: string): Promise<OrderRecord> {
    const order = await this.orders.findById(id);
    if (!order || (!isStaff(caller.role) && order.customerId !== caller.id)) {
      throw new NotFoundError('Order', id);
    }
    return order;
  }

  /** Cancels an unpaid order of the caller's (any for an admin), giving back its stock. */
  async cancel(caller: AuthUser, id: string): Promise<OrderRecord> {
    const order = await this.get(caller, id);
    ORDER_TRANSITIONS.assert(order.status, OrderStatus.Cancelled);
    const cancelled = await this.lifecycle.endUnpaid(id, OrderStatus.Cancelled, caller.id);
    if (!cancelled) return this.refuseStale(caller, id, OrderStatus.Cancelled);
    return cancelled;
  }

  /** An admin's changes: the note, and a move the transition table allows (a cancellation). */
  async update(admin: AuthUser, id: string, changes: AdminOrderChanges): Promise<OrderRecord> {
    let order = await this.get(admin, id);
    if (changes.status !== undefined && changes.status !== order.status) {
      order = await this.cancel(admin, id);
    }
    if (changes.note !== undefined) {
      order = (await this.orders.setNote(id, changes.note)) ?? order;
    }
    return order;
  }

  /** An order is never deleted: DELETE cancels an unpaid one and is a 409 otherwise. */
  async delete(admin: AuthUser, id: string): Promise<void> {
    await this.cancel(admin, id);
  }

  /** The move lost a race: answer with the state the order is in now. */
  private async refuseStale(caller: AuthUser, id: string, to: OrderStatus): Promise<never> {
    const now = await this.get(caller, id);
    throw new InvalidTransitionError('Order', now.status, to);
  }
}
