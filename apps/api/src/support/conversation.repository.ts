import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ListQuery } from '@kassa/common';
import { findPage, RecordOf } from '@kassa/database';
import { FilterQuery, Model, trusted } from 'mongoose';
import { Role } from '../access/role';
import { CONVERSATION_TRANSITIONS, ConversationStatus } from './conversation-status';
import { Conversation } from './schemas/conversation.schema';

export type ConversationRecord = RecordOf<Conversation>;

export type NewConversation = Pick<ConversationRecord, 'customerId' | 'subject' | 'orderId'>;

/** Whose conversations a list may show: one customer's, or all (support staff). */
export type ConversationScope = { customerId: string } | 'all';

/** Conversations that still take messages. */
const LIVE = {
  status: trusted({ $in: CONVERSATION_TRANSITIONS.statesBefore(ConversationStatus.Closed) }),
};

@Injectable()
export class ConversationRepository {
  constructor(@InjectModel(Conversation.name) private readonly model: Model<Conversation>) {}

  async create(input: NewConversation, now: Date): Promise<ConversationRecord> {
    const [created] = await this.model.create([
      { ...input, status: ConversationStatus.Open, lastMessageAt: now },
    ]);
    return created.toObject<ConversationRecord>();
  }

  findById(id: string): Promise<ConversationRecord | null> {
    return this.model.findById(id).lean<ConversationRecord>().exec();
  }

  list(query: ListQuery, scope: ConversationScope) {
    const base: FilterQuery<Conversation> = scope === 'all' ? {} : { customerId: scope.customerId };
    return findPage<ConversationRecord>(this.model, query, base);
  }

  /**
   * Takes the next message number of a conversation that is not closed (and, when given, in one
   * of `states`): one conditional `$inc`, so concurrent messages get distinct numbers and none
   * lands after the close. Null when the conversation is closed or not in those states.
   */
  takeNextSequence(
    id: string,
    now: Date,
    states?: ConversationStatus[],
  ): Promise<ConversationRecord | null> {
    const status = states ? { status: trusted({ $in: states }) } : LIVE;
    return this.model
      .findOneAndUpdate(
        { _id: id, ...status },
        { $inc: { messageCount: 1 }, $set: { lastMessageAt: now } },
        { new: true },
      )
      .lean<ConversationRecord>()
      .exec();
  }

  /** Claims an open conversation for a support user; null when it is no longer open. */
  claim(id: string, assigneeId: string): Promise<ConversationRecord | null> {
    return this.model
      .findOneAndUpdate(
        {
          _id: id,
          status: trusted({
            $in: CONVERSATION_TRANSITIONS.statesBefore(ConversationStatus.Claimed),
          }),
        },
        { $set: { status: ConversationStatus.Claimed, assigneeId } },
        { new: true },
      )
      .lean<ConversationRecord>()
      .exec();
  }

  /** Closes a conversation that is not closed yet; null when it already was. */
  close(id: string, closedByRole: Role, now: Date): Promise<ConversationRecord | null> {
    return this.model
      .findOneAndUpdate(
        { _id: id, ...LIVE },
        { $set: { status: ConversationStatus.Closed, closedAt: now, closedByRole } },
        { new: true },
      )
      .lean<ConversationRecord>()
      .exec();
  }
}
