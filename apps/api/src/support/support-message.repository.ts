import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ListQuery } from '@kassa/common';
import { findPage, RecordOf } from '@kassa/database';
import { Model } from 'mongoose';
import { SupportMessage } from './schemas/support-message.schema';

export type SupportMessageRecord = RecordOf<SupportMessage>;

export type NewSupportMessage = Pick<
  SupportMessageRecord,
  'conversationId' | 'sequence' | 'authorId' | 'authorRole' | 'text'
>;

@Injectable()
export class SupportMessageRepository {
  constructor(@InjectModel(SupportMessage.name) private readonly model: Model<SupportMessage>) {}

  async create(input: NewSupportMessage): Promise<SupportMessageRecord> {
    const [created] = await this.model.create([input]);
    return created.toObject<SupportMessageRecord>();
  }

  list(conversationId: string, query: ListQuery) {
    return findPage<SupportMessageRecord>(this.model, query, { conversationId });
  }
}
