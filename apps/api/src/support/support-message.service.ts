import { Injectable } from '@nestjs/common';
import { ConversationClosedError, ListQuery, Page, toPage } from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { AuthUser } from '../access/auth-user';
import { ChatRateLimiter } from './chat-rate-limiter';
import { ConversationRepository } from './conversation.repository';
import { ConversationService } from './conversation.service';
import { SupportMessageResponseDto } from './dto/support-response.dto';
import { SupportBroadcaster } from './support.broadcaster';
import { toMessageResponse } from './support-response.mapper';
import { SupportMessageRecord, SupportMessageRepository } from './support-message.repository';

/**
 * Chat messages: rate-limited per user, stored (numbered in their conversation, in one
 * transaction with the conversation's counter) before anyone is told, then broadcast.
 */
@Injectable()
export class SupportMessageService {
  constructor(
    private readonly conversationService: ConversationService,
    private readonly conversations: ConversationRepository,
    private readonly messages: SupportMessageRepository,
    private readonly rateLimiter: ChatRateLimiter,
    private readonly broadcaster: SupportBroadcaster,
    private readonly transactions: TransactionRunner,
  ) {}

  async send(
    caller: AuthUser,
    conversationId: string,
    text: string,
  ): Promise<SupportMessageRecord> {
    await this.conversationService.ensureWritable(caller, conversationId);
    await this.rateLimiter.hit(caller.id);
    const { conversation, message } = await this.transactions.run(async () => {
      const counted = await this.conversations.takeNextSequence(conversationId, new Date());
      if (!counted) throw new ConversationClosedError(conversationId);
      const created = await this.messages.create({
        conversationId,
        sequence: counted.messageCount,
        authorId: caller.id,
        authorRole: caller.role,
        text,
      });
      return { conversation: counted, message: created };
    });
    this.broadcaster.messageCreated(conversation, message);
    return message;
  }

  /** A page of the conversation's messages, oldest first unless sorted otherwise. */
  async history(
    caller: AuthUser,
    conversationId: string,
    query: ListQuery,
  ): Promise<Page<SupportMessageResponseDto>> {
    await this.conversationService.visible(caller, conversationId);
    const page = await this.messages.list(conversationId, query);
    return toPage(page.items.map(toMessageResponse), page.total, query);
  }
}
