import { randomBytes } from 'node:crypto';
import { Connection, Model } from 'mongoose';
import { Role } from '../../apps/api/src/access/role';
import { normaliseCatalogName } from '../../apps/api/src/catalog/shared/catalog-name';
import { PasswordHasher } from '../../apps/api/src/users/password-hasher';
import { UserStatus } from '../../apps/api/src/users/user-status';

/** The password of every account a factory makes. */
export const FACTORY_PASSWORD = 'factory-password-123';

/** Hashed once per process, with the cheap work factor the test apps use. */
let passwordHash: Promise<string> | undefined;
function factoryPasswordHash(): Promise<string> {
  passwordHash ??= new PasswordHasher(10).hash(FACTORY_PASSWORD);
  return passwordHash;
}

function suffix(): string {
  return randomBytes(5).toString('hex');
}

export interface FactoryAccount {
  id: string;
  username: string;
  email: string;
  password: string;
  role: Role;
}

export interface FactoryEntry {
  id: string;
  name: string;
}

export interface ProductOverrides {
  model?: string;
  brandId?: string;
  categoryId?: string;
  priceCents?: number;
  stock?: number;
  active?: boolean;
  archived?: boolean;
}

export interface FactoryOrder {
  id: string;
  customerId: string;
  productId: string;
  totalCents: number;
}

export interface FactoryProduct {
  id: string;
  model: string;
  brandId: string;
  categoryId: string;
  priceCents: number;
  stock: number;
}

/**
 * Builds valid records straight into a database, through the app's own models, for every tier:
 * medium specs on repositories, and end-to-end specs that need accounts or products without
 * going through registration mail or admin routes first. Invariants are kept: a product counts
 * on its brand and category and has its first price-history entry.
 */
export class Factory {
  constructor(private readonly connection: Connection) {}

  customer(overrides: Partial<Omit<FactoryAccount, 'id' | 'password'>> = {}) {
    return this.account({ role: Role.Customer, ...overrides });
  }

  support(overrides: Partial<Omit<FactoryAccount, 'id' | 'password'>> = {}) {
    return this.account({ role: Role.Support, ...overrides });
  }

  admin(overrides: Partial<Omit<FactoryAccount, 'id' | 'password'>> = {}) {
    return this.account({ role: Role.Admin, ...overrides });
  }

  async account(
    overrides: Partial<Omit<FactoryAccount, 'id' | 'password'>> & { status?: UserStatus } = {},
  ): Promise<FactoryAccount> {
    const name = `user_${suffix()}`;
    const { role = Role.Customer, status = UserStatus.Active } = overrides;
    const username = overrides.username ?? name;
    const email = overrides.email ?? `${name}@example.test`;
    const [user] = await this.model('User').create([
      {
        username,
        usernameLower: username.toLowerCase(),
        email,
        emailLower: email.toLowerCase(),
        passwordHash: await factoryPasswordHash(),
        role,
        status,
      },
    ]);
    return { id: String(user._id), username, email, password: FACTORY_PASSWORD, role };
  }

  brand(name = `Brand ${suffix()}`): Promise<FactoryEntry> {
    return this.namedEntry('Brand', name);
  }

  category(name = `Category ${suffix()}`): Promise<FactoryEntry> {
    return this.namedEntry('Category', name);
  }

  /** A product (5 in stock at 19.99 unless told otherwise), with a new brand and category. */
  async product(overrides: ProductOverrides = {}): Promise<FactoryProduct> {
    const brandId = overrides.brandId ?? (await this.brand()).id;
    const categoryId = overrides.categoryId ?? (await this.category()).id;
    const archived = overrides.archived ?? false;
    const [product] = await this.model('Product').create([
      {
        model: overrides.model ?? `Model ${suffix()}`,
        brandId,
        categoryId,
        description: 'Made by a test factory',
        priceCents: overrides.priceCents ?? 1999,
        priceVersion: 1,
        stock: overrides.stock ?? 5,
        active: overrides.active ?? true,
        archived,
        archivedAt: archived ? new Date() : null,
      },
    ]);
    if (!archived) {
      await this.model('Brand').updateOne({ _id: brandId }, { $inc: { productCount: 1 } });
      await this.model('Category').updateOne({ _id: categoryId }, { $inc: { productCount: 1 } });
    }
    await this.model('PriceHistoryEntry').create([
      { productId: product._id, version: 1, priceCents: product.priceCents },
    ]);
    return {
      id: String(product._id),
      model: product.model,
      brandId,
      categoryId,
      priceCents: product.priceCents,
      stock: product.stock,
    };
  }

  /** An open support conversation of `customerId` with its first message. */
  async supportConversation(customerId: string, text = 'Where is my parcel?') {
    const [conversation] = await this.model('Conversation').create([
      {
        customerId,
        subject: 'Parcel',
        status: 'open',
        messageCount: 1,
        lastMessageAt: new Date(),
      },
    ]);
    await this.model('SupportMessage').create([
      {
        conversationId: conversation._id,
        sequence: 1,
        authorId: customerId,
        authorRole: Role.Customer,
        text,
      },
    ]);
    return { id: String(conversation._id), customerId };
  }

  /**
   * A paid order of `customerId`: one line of `quantity` units of a new product at its price,
   * nothing returned yet (as an order looks once its card charge captured).
   */
  async paidOrder(customerId: string, quantity = 1): Promise<FactoryOrder> {
    const product = await this.product();
    const totalCents = product.priceCents * quantity;
    const now = new Date();
    const line = {
      productId: product.id,
      model: product.model,
      brandId: product.brandId,
      categoryId: product.categoryId,
      quantity,
      unitPriceCents: product.priceCents,
      discount: null,
      lineTotalCents: totalCents,
      promoShareCents: 0,
      returnableQuantity: quantity,
      returnedQuantity: 0,
    };
    const [order] = await this.model('Order').create([
      {
        customerId,
        status: 'paid',
        lines: [line],
        subtotalCents: totalCents,
        promo: null,
        discountTotalCents: 0,
        totalCents,
        currency: 'USD',
        history: [
          { status: 'pending', at: now, by: customerId },
          { status: 'paid', at: now, by: 'system' },
        ],
        expiresAt: now,
        paidAt: now,
      },
    ]);
    return { id: String(order._id), customerId, productId: product.id, totalCents };
  }

  /** Puts `quantity` of a product in the cart of `userId` (made on first use). */
  async cartLine(userId: string, productId: string, quantity = 1): Promise<void> {
    await this.model('Cart').updateOne(
      { _id: userId },
      {
        $push: { lines: { productId, quantity, addedAt: new Date() } },
        $setOnInsert: { promoCode: null },
      },
      { upsert: true },
    );
  }

  /** A requested return of one unit of a new paid order of `customerId`. */
  async returnRequest(customerId: string): Promise<{ id: string; orderId: string }> {
    const order = await this.paidOrder(customerId);
    await this.model('Order').updateOne(
      { _id: order.id },
      { $inc: { 'lines.0.returnableQuantity': -1 } },
    );
    const now = new Date();
    const [request] = await this.model('ReturnRequest').create([
      {
        orderId: order.id,
        customerId,
        status: 'requested',
        items: [
          {
            productId: order.productId,
            model: 'Returned',
            quantity: 1,
            refundCents: order.totalCents,
          },
        ],
        reason: 'Made by a test factory',
        amountCents: order.totalCents,
        currency: 'USD',
        history: [{ status: 'requested', at: now, by: customerId }],
      },
    ]);
    return { id: String(request._id), orderId: order.id };
  }

  /** A payment in status `created` from `payerId` to a new customer. */
  async paymentRecord(payerId: string, amountCents = 1500): Promise<{ id: string }> {
    const payee = await this.customer();
    const [payment] = await this.model('PaymentRecord').create([
      {
        payerId,
        payeeId: payee.id,
        amountCents,
        currency: 'USD',
        card: { last4: '4242', holder: 'Ada Lovelace' },
        status: 'created',
      },
    ]);
    return { id: String(payment._id) };
  }

  private async namedEntry(modelName: string, name: string): Promise<FactoryEntry> {
    const [entry] = await this.model(modelName).create([
      { name, nameLower: normaliseCatalogName(name) },
    ]);
    return { id: String(entry._id), name };
  }

  private model(name: string): Model<any> {
    const model = this.connection.models[name];
    if (!model) throw new Error(`The app under test has no ${name} model`);
    return model;
  }
}
