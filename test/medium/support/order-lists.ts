import { randomUUID } from 'node:crypto';
import { Connection } from 'mongoose';
import { Role, ROLES } from '../../../apps/api/src/access/role';
import { ADMIN_ORDER_LIST_SPEC, ORDER_LIST_SPEC } from '../../../apps/api/src/orders/order-list';
import { ORDER_STATUSES } from '../../../apps/api/src/orders/order-status';
import { OrderService } from '../../../apps/api/src/orders/order.service';
import { OUTBOX_LIST_SPEC } from '../../../apps/api/src/outbox/outbox-list';
import { OutboxService } from '../../../apps/api/src/outbox/outbox.service';
import {
  ORDER_RETURN_LIST_SPEC,
  RETURN_LIST_SPEC,
} from '../../../apps/api/src/returns/return-list';
import { RETURN_STATUSES } from '../../../apps/api/src/returns/return-status';
import { ReturnService } from '../../../apps/api/src/returns/return.service';
import { CONVERSATION_STATUSES } from '../../../apps/api/src/support/conversation-status';
import { ConversationService } from '../../../apps/api/src/support/conversation.service';
import {
  CUSTOMER_CONVERSATION_LIST_SPEC,
  MESSAGE_LIST_SPEC,
  STAFF_CONVERSATION_LIST_SPEC,
} from '../../../apps/api/src/support/support-list';
import { SupportMessageService } from '../../../apps/api/src/support/support-message.service';
import { callerOf, ListGroup } from './list-cases';
import { ownerOf, owners, seedMany, seedValue as v } from './list-seed';
import { MediumContext } from './medium-context';

const OUTBOX_STATUSES_AT_REST = ['pending', 'sent', 'failed'] as const;
const TOPICS = ['order.created', 'password.reset', 'email.verification'] as const;

/** Orders (own and all), returns (all and of one order), support chat, the mail outbox. */
export function orderLists(context: MediumContext): ListGroup {
  const ids: OrderSeedIds = {
    customers: owners(8),
    staff: owners(3),
    orders: [],
    conversations: [],
  };
  const admin = callerOf(randomUUID(), Role.Admin);
  const customer = callerOf(ids.customers[0], Role.Customer);
  return {
    seed: () => seedOrders(context.connection, ids),
    lists: [
      {
        name: 'orders (own)',
        spec: ORDER_LIST_SPEC,
        collection: 'orders',
        serve: (query) => context.get(OrderService).list(customer, query),
      },
      {
        name: 'orders (admin)',
        spec: ADMIN_ORDER_LIST_SPEC,
        collection: 'orders',
        serve: (query) => context.get(OrderService).list(admin, query),
      },
      {
        name: 'returns (admin)',
        spec: RETURN_LIST_SPEC,
        collection: 'returns',
        serve: (query) => context.get(ReturnService).list(query),
      },
      {
        name: 'returns of an order',
        spec: ORDER_RETURN_LIST_SPEC,
        collection: 'returns',
        serve: (query) => context.get(ReturnService).listForOrder(customer, ids.orders[0], query),
      },
      {
        name: 'support conversations (own)',
        spec: CUSTOMER_CONVERSATION_LIST_SPEC,
        collection: 'support_conversations',
        serve: (query) => context.get(ConversationService).list(customer, query),
      },
      {
        name: 'support conversations (staff)',
        spec: STAFF_CONVERSATION_LIST_SPEC,
        collection: 'support_conversations',
        serve: (query) =>
          context.get(ConversationService).list(callerOf(ids.staff[0], Role.Support), query),
      },
      {
        name: 'support messages',
        spec: MESSAGE_LIST_SPEC,
        collection: 'support_messages',
        serve: (query) =>
          context.get(SupportMessageService).history(customer, ids.conversations[0], query),
      },
      {
        name: 'outbox (admin)',
        spec: OUTBOX_LIST_SPEC,
        collection: 'outbox_messages',
        serve: (query) => context.get(OutboxService).list(query),
      },
    ],
  };
}

/** Who the seeded documents belong to; the first customer, order and conversation are listed. */
interface OrderSeedIds {
  customers: string[];
  staff: string[];
  orders: string[];
  conversations: string[];
}

async function seedOrders(connection: Connection, ids: OrderSeedIds): Promise<void> {
  const { customers, staff, orders: orderIds, conversations: conversationIds } = ids;
  await seedMany(connection, 'Order', (i) => {
    const status = v.pick(ORDER_STATUSES, i);
    const totalCents = 100 + v.number(i, 90_000);
    const at = v.at(i, 7);
    return {
      _id: (orderIds[i] = randomUUID()),
      customerId: ownerOf(customers, i),
      status,
      lines: [
        {
          productId: randomUUID(),
          model: 'Seeded',
          brandId: randomUUID(),
          categoryId: randomUUID(),
          quantity: 1,
          unitPriceCents: totalCents,
          lineTotalCents: totalCents,
          returnableQuantity: 1,
        },
      ],
      subtotalCents: totalCents,
      discountTotalCents: 0,
      totalCents,
      currency: 'USD',
      history: [{ status, at, by: 'system' }],
      expiresAt: v.later(2),
      createdAt: at,
    };
  });
  await seedMany(connection, 'ReturnRequest', (i) => {
    const status = v.pick(RETURN_STATUSES, i);
    const amountCents = 100 + v.number(i, 9_000);
    return {
      orderId: ownerOf(orderIds, i),
      customerId: customers[0],
      status,
      items: [{ productId: randomUUID(), model: 'Seeded', quantity: 1, refundCents: amountCents }],
      reason: 'Seeded for the list plans',
      amountCents,
      currency: 'USD',
      history: [{ status, at: v.at(i, 7), by: customers[0] }],
      createdAt: v.at(i, 7),
    };
  });
  await seedMany(connection, 'Conversation', (i) => {
    const status = v.pick(CONVERSATION_STATUSES, i);
    return {
      _id: (conversationIds[i] = randomUUID()),
      customerId: ownerOf(customers, i),
      subject: `Question ${i}`,
      status,
      assigneeId: status === 'open' ? null : staff[i % staff.length],
      messageCount: 1 + v.number(i, 9),
      lastMessageAt: v.at(i, 11),
      createdAt: v.at(i, 7),
    };
  });
  const sequences = new Map<string, number>();
  await seedMany(connection, 'SupportMessage', (i) => {
    const conversationId = ownerOf(conversationIds, i);
    const sequence = (sequences.get(conversationId) ?? 0) + 1;
    sequences.set(conversationId, sequence);
    return {
      conversationId,
      sequence,
      authorId: customers[0],
      authorRole: v.pick(ROLES, i),
      text: `Message ${i}`,
      createdAt: v.at(i, 7),
    };
  });
  await seedMany(connection, 'OutboxMessage', (i) => ({
    topic: v.pick(TOPICS, i),
    mail: { to: `admin${i}@example.test`, subject: 'Seeded', text: 'Seeded for the list plans' },
    status: v.pick(OUTBOX_STATUSES_AT_REST, i),
    attempts: v.number(i, 6),
    nextAttemptAt: v.later(24),
    createdAt: v.at(i, 7),
  }));
}
