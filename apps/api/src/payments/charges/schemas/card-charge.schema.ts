import { randomUUID } from 'node:crypto';
import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';

export const CHARGE_PURPOSES = ['order', 'top_up'] as const;
export type ChargePurpose = (typeof CHARGE_PURPOSES)[number];

export const CHARGE_STATUSES = ['processing', 'paid', 'declined', 'failed', 'refunded'] as const;
export type ChargeStatus = (typeof CHARGE_STATUSES)[number];

@Schema({ _id: false })
export class ChargeCard {
  @Prop({ required: true })
  last4: string;

  @Prop({ required: true })
  holder: string;
}

const ChargeCardSchema = SchemaFactory.createForClass(ChargeCard);

/**
 * One attempt to charge a card, recorded (`processing`) before the gateway is called, so that a
 * crash between the gateway's answer and the shop's update leaves a record the reconciler
 * settles. Only the card's last four digits and holder are kept.
 */
@Schema({ collection: 'card_charges', timestamps: true, versionKey: false })
export class CardCharge {
  @Prop({ type: String, default: () => randomUUID() })
  _id: string;

  @Prop({ type: String, enum: CHARGE_PURPOSES, required: true })
  purpose: ChargePurpose;

  /** What is paid: the order id, or the top-up's id. Also the gateway reference. */
  @Prop({ required: true })
  reference: string;

  @Prop({ required: true })
  customerId: string;

  @Prop({ required: true, min: 1 })
  amountCents: number;

  @Prop({ required: true })
  currency: string;

  @Prop({ type: ChargeCardSchema, required: true })
  card: ChargeCard;

  @Prop({ type: String, enum: CHARGE_STATUSES, required: true })
  status: ChargeStatus;

  /** The idempotency key of the gateway call: every retry and recheck reuses it. */
  @Prop({ required: true })
  gatewayKey: string;

  @Prop({ type: String, default: null })
  gatewayPaymentId: string | null;

  /** Why it did not capture: the decline reason or the gateway's refusal. */
  @Prop({ type: String, default: null })
  failure: string | null;

  /** When the reconciler next asks the gateway about a charge in doubt. */
  @Prop({ type: Date, default: null })
  nextCheckAt: Date | null;

  @Prop({ required: true, default: 0 })
  checks: number;

  @Prop({ type: Date, default: null })
  settledAt: Date | null;

  /** A captured charge to give back (its order was cancelled) whose refund is not confirmed yet. */
  @Prop({ type: Date, default: null })
  refundDueAt: Date | null;

  createdAt: Date;
  updatedAt: Date;
}

export type CardChargeDocument = HydratedDocument<CardCharge>;
export const CardChargeSchema = SchemaFactory.createForClass(CardCharge);
CardChargeSchema.index({ status: 1, nextCheckAt: 1 });
CardChargeSchema.index({ status: 1, refundDueAt: 1 });
CardChargeSchema.index({ reference: 1, createdAt: 1 });
CardChargeSchema.index({ customerId: 1, createdAt: 1 });
