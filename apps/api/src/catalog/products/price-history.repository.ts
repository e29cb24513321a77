import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ListQuery } from '@kassa/common';
import { findPage } from '@kassa/database';
import { Model } from 'mongoose';
import { PriceHistoryEntry } from './schemas/price-history-entry.schema';

@Injectable()
export class PriceHistoryRepository {
  constructor(
    @InjectModel(PriceHistoryEntry.name) private readonly model: Model<PriceHistoryEntry>,
  ) {}

  async record(
    entry: Pick<PriceHistoryEntry, 'productId' | 'version' | 'priceCents'>,
  ): Promise<void> {
    await this.model.create([entry]);
  }

  list(productId: string, query: ListQuery) {
    return findPage<PriceHistoryEntry>(this.model, query, { productId });
  }
}
