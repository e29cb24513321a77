import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { AlreadyExistsError, ListQuery } from '@kassa/common';
import { findPage, isDuplicateKey, RecordOf } from '@kassa/database';
import { Model, trusted, UpdateQuery } from 'mongoose';
import { PromoCode, PromoCodeUse } from './promo-code.schema';

export type PromoCodeRecord = RecordOf<PromoCode>;

export type PromoCodeFields = Omit<
  PromoCodeRecord,
  '_id' | 'codeKey' | 'usedCount' | 'createdAt' | 'updatedAt'
>;

export function promoCodeKey(code: string): string {
  return code.trim().toUpperCase();
}

function rethrowDuplicate(error: unknown): never {
  if (isDuplicateKey(error)) throw new AlreadyExistsError('Promo code', 'code');
  throw error;
}

function useId(promoCodeId: string, userId: string): string {
  return `${promoCodeId}:${userId}`;
}

@Injectable()
export class PromoCodeRepository {
  constructor(
    @InjectModel(PromoCode.name) private readonly codes: Model<PromoCode>,
    @InjectModel(PromoCodeUse.name) private readonly uses: Model<PromoCodeUse>,
  ) {}

  async create(fields: PromoCodeFields): Promise<PromoCodeRecord> {
    try {
      const [created] = await this.codes.create([
        { ...fields, codeKey: promoCodeKey(fields.code) },
      ]);
      return created.toObject<PromoCodeRecord>();
    } catch (error) {
      rethrowDuplicate(error);
    }
  }

  findById(id: string): Promise<PromoCodeRecord | null> {
    return this.codes.findById(id).lean<PromoCodeRecord>().exec();
  }

  findByCode(code: string): Promise<PromoCodeRecord | null> {
    return this.codes
      .findOne({ codeKey: promoCodeKey(code) })
      .lean<PromoCodeRecord>()
      .exec();
  }

  async replace(id: string, fields: PromoCodeFields): Promise<PromoCodeRecord | null> {
    const update: UpdateQuery<PromoCode> = {
      $set: { ...fields, codeKey: promoCodeKey(fields.code) },
    };
    try {
      return await this.codes
        .findOneAndUpdate({ _id: id }, update, { new: true, runValidators: true })
        .lean<PromoCodeRecord>()
        .exec();
    } catch (error) {
      rethrowDuplicate(error);
    }
  }

  async delete(id: string): Promise<boolean> {
    return (await this.codes.deleteOne({ _id: id })).deletedCount === 1;
  }

  list(query: ListQuery) {
    return findPage<PromoCodeRecord>(this.codes, query);
  }

  async customerUses(promoCodeId: string, userId: string): Promise<number> {
    const use = await this.uses
      .findById(useId(promoCodeId, userId), { count: 1 })
      .lean<{ count: number }>()
      .exec();
    return use?.count ?? 0;
  }

  /**
   * Takes one use of the code if it is still under its total limit, the limit being the one the
   * caller judged by (a limit changed meanwhile makes it miss). One conditional `$inc`, so
   * concurrent claims never overshoot.
   */
  async claimTotalUse(promo: Pick<PromoCodeRecord, '_id' | 'usageLimit'>): Promise<boolean> {
    const underLimit =
      promo.usageLimit === null ? {} : { usedCount: trusted({ $lt: promo.usageLimit }) };
    const result = await this.codes.updateOne(
      { _id: promo._id, usageLimit: promo.usageLimit, ...underLimit },
      { $inc: { usedCount: 1 } },
    );
    return result.modifiedCount === 1;
  }

  /**
   * Takes one use for the customer if they are still under `limit` (null: no limit): one
   * conditional upsert. A customer at the limit makes the upsert try to insert a second
   * document, which the `_id` refuses; two first uses racing make one insert and the other retry
   * as a conditional increment.
   */
  async claimCustomerUse(
    promoCodeId: string,
    userId: string,
    limit: number | null,
  ): Promise<boolean> {
    const filter = {
      _id: useId(promoCodeId, userId),
      ...(limit === null ? {} : { count: trusted({ $lt: limit }) }),
    };
    try {
      const result = await this.uses.updateOne(
        filter,
        { $inc: { count: 1 }, $setOnInsert: { promoCodeId, userId } },
        { upsert: true },
      );
      return result.modifiedCount === 1 || result.upsertedCount === 1;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const retried = await this.uses.updateOne(filter, { $inc: { count: 1 } });
      return retried.modifiedCount === 1;
    }
  }

  async releaseTotalUse(promoCodeId: string): Promise<void> {
    await this.codes.updateOne(
      { _id: promoCodeId, usedCount: trusted({ $gt: 0 }) },
      { $inc: { usedCount: -1 } },
    );
  }

  async releaseCustomerUse(promoCodeId: string, userId: string): Promise<void> {
    await this.uses.updateOne(
      { _id: useId(promoCodeId, userId), count: trusted({ $gt: 0 }) },
      { $inc: { count: -1 } },
    );
  }
}
