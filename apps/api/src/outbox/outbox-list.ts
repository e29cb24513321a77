import { ListSpec } from '@kassa/common';
import { OUTBOX_STATUSES } from './schemas/outbox-message.schema';

/** What `GET /outbox` lets an admin filter and sort on. */
export const OUTBOX_LIST_SPEC: ListSpec = {
  fields: {
    status: { type: 'enum', values: OUTBOX_STATUSES },
    topic: { type: 'string' },
    attempts: { type: 'number' },
    createdAt: { type: 'date' },
  },
  defaultSort: '-createdAt',
};
