import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

@Schema({ _id: false })
export class CartLine {
  @Prop({ required: true })
  productId: string;

  @Prop({ required: true, min: 1 })
  quantity: number;

  @Prop({ required: true })
  addedAt: Date;
}

const CartLineSchema = SchemaFactory.createForClass(CartLine);

@Schema({ _id: false })
export class CartPromoCode {
  @Prop({ required: true })
  id: string;

  @Prop({ required: true })
  code: string;
}

const CartPromoCodeSchema = SchemaFactory.createForClass(CartPromoCode);

/** One cart per user (its `_id` is the user's id), created on first use. */
@Schema({ collection: 'carts', timestamps: true, versionKey: false })
export class Cart {
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: [CartLineSchema], default: [] })
  lines: CartLine[];

  @Prop({ type: CartPromoCodeSchema, default: null })
  promoCode: CartPromoCode | null;

  createdAt: Date;
  updatedAt: Date;
}

export type CartDocument = HydratedDocument<Cart>;
export const CartSchema = SchemaFactory.createForClass(Cart);
