import { Injectable } from '@nestjs/common';
import {
  formatMoney,
  ListQuery,
  NotFoundError,
  Page,
  parseMoney,
  PromoRefusalReason,
  toPage,
} from '@kassa/common';
import { checkWindow, showValue, toStoredValue } from '../discount-value';
import { PatchPromoCodeDto, PromoCodeDto } from './promo-code.dto';
import { PromoCodeFields, PromoCodeRecord, PromoCodeRepository } from './promo-code.repository';

function toFields(input: PromoCodeDto): PromoCodeFields {
  checkWindow(input.startsAt, input.endsAt);
  return {
    code: input.code,
    ...toStoredValue(input),
    minimumSubtotalCents:
      input.minimumSubtotal === undefined
        ? 0
        : parseMoney(input.minimumSubtotal, 'minimumSubtotal'),
    startsAt: input.startsAt ?? null,
    endsAt: input.endsAt ?? null,
    active: input.active ?? true,
    usageLimit: input.usageLimit ?? null,
    perCustomerLimit: input.perCustomerLimit ?? null,
  };
}

function asInput(record: PromoCodeRecord): PromoCodeDto {
  const { type, percent, amount } = showValue(record);
  return {
    code: record.code,
    type,
    percent: percent ?? undefined,
    amount: amount ?? undefined,
    minimumSubtotal: formatMoney(record.minimumSubtotalCents),
    startsAt: record.startsAt,
    endsAt: record.endsAt,
    active: record.active,
    usageLimit: record.usageLimit,
    perCustomerLimit: record.perCustomerLimit,
  };
}

/**
 * Promo codes: admin management, lookups for the cart, and the usage counters orders take and
 * give back (`claim` / `release`, inside the order's transaction).
 */
@Injectable()
export class PromoCodeService {
  constructor(private readonly codes: PromoCodeRepository) {}

  create(input: PromoCodeDto): Promise<PromoCodeRecord> {
    return this.codes.create(toFields(input));
  }

  async get(id: string): Promise<PromoCodeRecord> {
    const promo = await this.codes.findById(id);
    if (!promo) throw new NotFoundError('Promo code', id);
    return promo;
  }

  async list(query: ListQuery): Promise<Page<PromoCodeRecord>> {
    const page = await this.codes.list(query);
    return toPage(page.items, page.total, query);
  }

  async replace(id: string, input: PromoCodeDto): Promise<PromoCodeRecord> {
    const replaced = await this.codes.replace(id, toFields(input));
    if (!replaced) throw new NotFoundError('Promo code', id);
    return replaced;
  }

  async patch(id: string, changes: PatchPromoCodeDto): Promise<PromoCodeRecord> {
    const current = asInput(await this.get(id));
    const typeChanged = changes.type !== undefined && changes.type !== current.type;
    const base = typeChanged ? { ...current, percent: undefined, amount: undefined } : current;
    return this.replace(id, { ...base, ...changes });
  }

  async delete(id: string): Promise<void> {
    if (!(await this.codes.delete(id))) throw new NotFoundError('Promo code', id);
  }

  /** The code a customer typed, in any case; null when there is none. */
  findByCode(code: string): Promise<PromoCodeRecord | null> {
    return this.codes.findByCode(code);
  }

  findById(id: string): Promise<PromoCodeRecord | null> {
    return this.codes.findById(id);
  }

  /** How many orders of this customer hold a use of the code. */
  usesBy(promoCodeId: string, userId: string): Promise<number> {
    return this.codes.customerUses(promoCodeId, userId);
  }

  /**
   * Takes one use for an order: the customer's count first, then the total, each a conditional
   * increment, so concurrent orders never overshoot a limit. The reason when a limit is reached
   * (nothing is then held).
   */
  async claim(
    promo: Pick<PromoCodeRecord, '_id' | 'usageLimit' | 'perCustomerLimit'>,
    userId: string,
  ): Promise<PromoRefusalReason | undefined> {
    if (!(await this.codes.claimCustomerUse(promo._id, userId, promo.perCustomerLimit))) {
      return 'CUSTOMER_LIMIT_REACHED';
    }
    if (!(await this.codes.claimTotalUse(promo))) {
      await this.codes.releaseCustomerUse(promo._id, userId);
      return 'USAGE_LIMIT_REACHED';
    }
    return undefined;
  }

  /** Gives back the use an order held (cancelled or expired). */
  async release(promoCodeId: string, userId: string): Promise<void> {
    await this.codes.releaseTotalUse(promoCodeId);
    await this.codes.releaseCustomerUse(promoCodeId, userId);
  }
}
