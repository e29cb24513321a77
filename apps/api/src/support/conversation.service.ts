import { Injectable } from '@nestjs/common';
import {
  ConversationClaimedError,
  ConversationClosedError,
  ForbiddenError,
  ListQuery,
  NotFoundError,
  Page,
  toPage,
} from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { AuthUser } from '../access/auth-user';
import { Role } from '../access/role';
import { ChatRateLimiter } from './chat-rate-limiter';
import { ConversationStatus } from './conversation-status';
import { ConversationRecord, ConversationRepository } from './conversation.repository';
import { ConversationResponseDto } from './dto/support-response.dto';
import { SupportBroadcaster } from './support.broadcaster';
import { toConversationResponse } from './support-response.mapper';
import { SupportMessageRecord, SupportMessageRepository } from './support-message.repository';
import { OrderService } from '../orders/order.service';

export interface NewConversationInput {
  subject: string;
  text: string;
  orderId?: string;
}

export function isStaff(caller: AuthUser): boolean {
  return caller.role === Role.Support || caller.role === Role.Admin;
}

/**
 * Support conversations: customers open them and see only their own (another's answers 404, as
 * if it did not exist); support staff see all, claim one from the queue and close it. Every
 * change is a conditional write on the expected state, then broadcast.
 */
@Injectable()
export class ConversationService {
  constructor(
    private readonly conversations: ConversationRepository,
    private readonly messages: SupportMessageRepository,
    private readonly rateLimiter: ChatRateLimiter,
    private readonly broadcaster: SupportBroadcaster,
    private readonly transactions: TransactionRunner,
    private readonly orders: OrderService,
  ) {}

  async open(
    caller: AuthUser,
    input: NewConversationInput,
  ): Promise<{ conversation: ConversationRecord; message: SupportMessageRecord }> {
    if (caller.role !== Role.Customer) {
      throw new ForbiddenError('Only customers open support conversations');
    }
    await this.rateLimiter.hit(caller.id);
    if (input.orderId) await this.orders.get(caller, input.orderId);
    const now = new Date();
    const opened = await this.transactions.run(async () => {
      const created = await this.conversations.create(
        { customerId: caller.id, subject: input.subject, orderId: input.orderId ?? null },
        now,
      );
      const conversation = await this.conversations.takeNextSequence(created._id, now);
      const message = await this.messages.create({
        conversationId: created._id,
        sequence: 1,
        authorId: caller.id,
        authorRole: caller.role,
        text: input.text,
      });
      return { conversation: conversation ?? created, message };
    });
    this.broadcaster.conversationOpened(opened.conversation, opened.message);
    return opened;
  }

  /** The conversation if the caller may see it: its customer, or staff. 404 otherwise. */
  async visible(caller: AuthUser, id: string): Promise<ConversationRecord> {
    const conversation = await this.conversations.findById(id);
    if (!conversation || (!isStaff(caller) && conversation.customerId !== caller.id)) {
      throw new NotFoundError('Conversation', id);
    }
    return conversation;
  }

  async list(caller: AuthUser, query: ListQuery): Promise<Page<ConversationResponseDto>> {
    const scope = isStaff(caller) ? 'all' : { customerId: caller.id };
    const page = await this.conversations.list(query, scope);
    return toPage(page.items.map(toConversationResponse), page.total, query);
  }

  /** A support user takes an open conversation from the queue; claiming it again is a no-op. */
  async claim(caller: AuthUser, id: string): Promise<ConversationRecord> {
    if (!isStaff(caller)) throw new ForbiddenError('Only support staff claim conversations');
    await this.visible(caller, id);
    const claimed = await this.conversations.claim(id, caller.id);
    if (claimed) {
      this.broadcaster.conversationClaimed(claimed);
      return claimed;
    }
    const current = await this.visible(caller, id);
    if (current.status === ConversationStatus.Closed) throw new ConversationClosedError(id);
    if (current.assigneeId !== caller.id) throw new ConversationClaimedError(id);
    return current;
  }

  /**
   * Checks that the caller may write to the conversation now: its customer while it is not
   * closed; a support user when it is theirs (answering a waiting one claims it); an admin always.
   */
  async ensureWritable(caller: AuthUser, id: string): Promise<ConversationRecord> {
    const conversation = await this.visible(caller, id);
    if (conversation.status === ConversationStatus.Closed) throw new ConversationClosedError(id);
    if (caller.role !== Role.Support || conversation.assigneeId === caller.id) return conversation;
    return this.claim(caller, id);
  }

  async close(caller: AuthUser, id: string): Promise<ConversationRecord> {
    await this.visible(caller, id);
    const closed = await this.conversations.close(id, caller.role, new Date());
    if (!closed) throw new ConversationClosedError(id);
    this.broadcaster.conversationClosed(closed);
    return closed;
  }
}
