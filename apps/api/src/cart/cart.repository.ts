import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { isDuplicateKey, RecordOf } from '@kassa/database';
import { Model, trusted } from 'mongoose';
import { Cart, CartPromoCode } from './schemas/cart.schema';

export type CartRecord = RecordOf<Cart>;

/** How an add went: done, or refused because the line would pass its maximum. */
export type AddOutcome = 'added' | 'over-maximum';

const ADD_ATTEMPTS = 3;

@Injectable()
export class CartRepository {
  constructor(@InjectModel(Cart.name) private readonly model: Model<Cart>) {}

  find(userId: string): Promise<CartRecord | null> {
    return this.model.findById(userId).lean<CartRecord>().exec();
  }

  /**
   * Adds `quantity` of a product, never letting its line pass `maximum`. No read-modify-write:
   * an existing line is raised by one conditional `$inc` (it must still have room); a new line is
   * pushed only while the cart has none for the product (creating the cart if needed). When two
   * first adds race, the loser's push misses (or its cart insert collides) and it raises the line
   * the winner made instead.
   */
  async addQuantity(
    userId: string,
    productId: string,
    quantity: number,
    maximum: number,
  ): Promise<AddOutcome> {
    if (quantity > maximum) return 'over-maximum';
    for (let attempt = 0; attempt < ADD_ATTEMPTS; attempt++) {
      const raised = await this.model.updateOne(
        {
          _id: userId,
          lines: trusted({ $elemMatch: { productId, quantity: { $lte: maximum - quantity } } }),
        },
        { $inc: { 'lines.$.quantity': quantity } },
      );
      if (raised.modifiedCount === 1) return 'added';
      try {
        const pushed = await this.model.updateOne(
          { _id: userId, 'lines.productId': trusted({ $ne: productId }) },
          {
            $push: { lines: { productId, quantity, addedAt: new Date() } },
            $setOnInsert: { promoCode: null },
          },
          { upsert: true },
        );
        if (pushed.modifiedCount === 1 || pushed.upsertedCount === 1) return 'added';
        return 'over-maximum';
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
      }
    }
    return 'over-maximum';
  }

  /** Sets the quantity of an existing line; false when the cart has no line for the product. */
  async setQuantity(userId: string, productId: string, quantity: number): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: userId, 'lines.productId': productId },
      { $set: { 'lines.$.quantity': quantity } },
    );
    return result.matchedCount === 1;
  }

  /** Removes a product's line; false when the cart has none. */
  async removeLine(userId: string, productId: string): Promise<boolean> {
    const result = await this.model.updateOne(
      { _id: userId, 'lines.productId': productId },
      { $pull: { lines: { productId } } },
    );
    return result.modifiedCount === 1;
  }

  async clear(userId: string): Promise<void> {
    await this.model.updateOne({ _id: userId }, { $set: { lines: [], promoCode: null } });
  }

  async setPromoCode(userId: string, promoCode: CartPromoCode | null): Promise<void> {
    await this.model.updateOne(
      { _id: userId },
      { $set: { promoCode }, $setOnInsert: { lines: [] } },
      { upsert: true },
    );
  }
}
