import { randomUUID } from 'node:crypto';
import { parseListQuery } from '@kassa/common';
import { AuthUser } from '../../apps/api/src/access/auth-user';
import { Role } from '../../apps/api/src/access/role';
import { ConversationStatus } from '../../apps/api/src/support/conversation-status';
import { ConversationRepository } from '../../apps/api/src/support/conversation.repository';
import { SupportMessageService } from '../../apps/api/src/support/support-message.service';
import { CUSTOMER_CONVERSATION_LIST_SPEC } from '../../apps/api/src/support/support-list';
import { IdempotencyModule } from '../../apps/api/src/idempotency/idempotency.module';
import { NotificationsModule } from '../../apps/api/src/notifications/notifications.module';
import { SupportModule } from '../../apps/api/src/support/support.module';
import { overlapping, useMediumContext } from './support/medium-context';

function caller(id: string, role: Role): AuthUser {
  return { id, role, jti: randomUUID(), fid: randomUUID(), exp: 0 };
}

describe('support conversations and messages (medium)', () => {
  const context = useMediumContext([NotificationsModule, IdempotencyModule, SupportModule]);

  it('numbers concurrent messages of a conversation 1, 2, 3… without gaps or twins', async () => {
    const customer = { id: randomUUID() };
    const { id } = await context.factory.supportConversation(customer.id);
    const messages = context.get(SupportMessageService);
    const author = caller(customer.id, Role.Customer);
    const { results, peak } = await overlapping(8, (index) =>
      messages.send(author, id, `message ${index}`),
    );
    expect(peak).toBeGreaterThan(1);
    const sequences = results.map((result) =>
      result.status === 'fulfilled' ? result.value.sequence : result.reason,
    );
    expect(sequences.sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('lets exactly one of several racing support users claim a conversation', async () => {
    const customer = { id: randomUUID() };
    const { id } = await context.factory.supportConversation(customer.id);
    const conversations = context.get(ConversationRepository);
    const { results, peak } = await overlapping(5, () => conversations.claim(id, randomUUID()));
    expect(peak).toBeGreaterThan(1);
    const winners = results.filter((result) => result.status === 'fulfilled' && result.value);
    expect(winners).toHaveLength(1);
    expect((await conversations.findById(id))?.status).toBe(ConversationStatus.Claimed);
  });

  it('takes no message number and no claim once a conversation is closed', async () => {
    const customer = { id: randomUUID() };
    const { id } = await context.factory.supportConversation(customer.id);
    const conversations = context.get(ConversationRepository);
    expect(await conversations.close(id, Role.Customer, new Date())).toMatchObject({
      status: ConversationStatus.Closed,
      closedByRole: Role.Customer,
    });
    expect(await conversations.takeNextSequence(id, new Date())).toBeNull();
    expect(await conversations.claim(id, randomUUID())).toBeNull();
    expect(await conversations.close(id, Role.Admin, new Date())).toBeNull();
  });

  it("lists a customer's own conversations only", async () => {
    const [mine, theirs] = [{ id: randomUUID() }, { id: randomUUID() }];
    const own = await context.factory.supportConversation(mine.id);
    await context.factory.supportConversation(theirs.id);
    const query = parseListQuery({}, CUSTOMER_CONVERSATION_LIST_SPEC);
    const page = await context.get(ConversationRepository).list(query, { customerId: mine.id });
    expect(page.items.map((item) => item._id)).toEqual([own.id]);
  });
});
