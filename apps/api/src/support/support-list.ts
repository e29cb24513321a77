import { ListSpec } from '@kassa/common';
import { CONVERSATION_STATUSES } from './conversation-status';

/** What a customer may filter and sort their own conversations on. */
export const CUSTOMER_CONVERSATION_LIST_SPEC: ListSpec = {
  fields: {
    status: { type: 'enum', values: CONVERSATION_STATUSES },
    createdAt: { type: 'date' },
    lastMessageAt: { type: 'date' },
  },
  defaultSort: '-lastMessageAt',
};

/**
 * Support staff list every conversation: the queue is `filter[status]=open&sort=createdAt`, their
 * own is `filter[assigneeId]=<their id>`, one customer's is `filter[customerId]=…`.
 */
export const STAFF_CONVERSATION_LIST_SPEC: ListSpec = {
  fields: {
    ...CUSTOMER_CONVERSATION_LIST_SPEC.fields,
    customerId: { type: 'uuid', sort: false },
    assigneeId: { type: 'uuid', sort: false },
  },
  defaultSort: '-lastMessageAt',
};

/** A conversation's messages, oldest first by default. */
export const MESSAGE_LIST_SPEC: ListSpec = {
  fields: {
    sequence: { type: 'number' },
    createdAt: { type: 'date' },
  },
  defaultSort: 'sequence',
  uniquePaths: ['sequence'],
};
