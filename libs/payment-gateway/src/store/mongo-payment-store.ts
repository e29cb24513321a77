import { Collection, Db, MongoClient, MongoServerError } from 'mongodb';
import { KeyRecord, PaymentRecord, PaymentStore, RefundRecord } from './payment-store';

const DUPLICATE_KEY = 11000;
/** Idempotency keys are kept a day, as Stripe keeps them. */
export const KEY_RETENTION_SECONDS = 24 * 60 * 60;

type KeyDocument = Omit<KeyRecord, 'key'> & { _id: string };
type PaymentDocument = Omit<PaymentRecord, 'id'> & { _id: string };

function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

function toKeyRecord({ _id, ...rest }: KeyDocument): KeyRecord {
  return { key: _id, ...rest };
}

function toPaymentRecord({ _id, ...rest }: PaymentDocument): PaymentRecord {
  return { id: _id, ...rest };
}

/**
 * Payments and keys in MongoDB through the official driver. Unique indexes make the rules
 * race-free: the key is the `_id` of its document (one claim per key), and `reference` is unique
 * among payments (one paid charge per reference). Keys expire after a day (TTL index).
 */
export class MongoPaymentStore implements PaymentStore {
  private readonly keys: Collection<KeyDocument>;
  private readonly payments: Collection<PaymentDocument>;

  constructor(db: Db) {
    this.keys = db.collection<KeyDocument>('gateway_idempotency_keys');
    this.payments = db.collection<PaymentDocument>('gateway_payments');
  }

  /** Builds the indexes the rules depend on; call once before serving. */
  async ensureIndexes(): Promise<void> {
    await this.payments.createIndex({ reference: 1 }, { unique: true, name: 'reference_unique' });
    await this.keys.createIndex(
      { createdAt: 1 },
      { expireAfterSeconds: KEY_RETENTION_SECONDS, name: 'created_at_ttl' },
    );
  }

  async insertKey({ key, ...rest }: KeyRecord): Promise<boolean> {
    return this.insertUnique(this.keys, { _id: key, ...rest });
  }

  async reclaimKey(
    key: string,
    fingerprint: string,
    now: Date,
    leaseExpiresAt: Date,
  ): Promise<KeyRecord | null> {
    const document = await this.keys.findOneAndUpdate(
      {
        _id: key,
        fingerprint,
        $or: [{ state: 'failed' }, { state: 'in_flight', leaseExpiresAt: { $lte: now } }],
      },
      { $set: { state: 'in_flight', leaseExpiresAt }, $inc: { attempts: 1 } },
      { returnDocument: 'after' },
    );
    return document ? toKeyRecord(document) : null;
  }

  async findKey(key: string): Promise<KeyRecord | null> {
    const document = await this.keys.findOne({ _id: key });
    return document ? toKeyRecord(document) : null;
  }

  async completeKey(key: string, answer: unknown): Promise<void> {
    await this.keys.updateOne(
      { _id: key, state: 'in_flight' },
      { $set: { state: 'completed', answer } },
    );
  }

  async failKey(key: string): Promise<void> {
    await this.keys.updateOne({ _id: key, state: 'in_flight' }, { $set: { state: 'failed' } });
  }

  async insertPayment({ id, ...rest }: PaymentRecord): Promise<boolean> {
    return this.insertUnique(this.payments, { _id: id, ...rest });
  }

  async findPayment(id: string): Promise<PaymentRecord | null> {
    const document = await this.payments.findOne({ _id: id });
    return document ? toPaymentRecord(document) : null;
  }

  async findPaymentByReference(reference: string): Promise<PaymentRecord | null> {
    const document = await this.payments.findOne({ reference });
    return document ? toPaymentRecord(document) : null;
  }

  async addRefund(
    paymentId: string,
    refund: RefundRecord,
    maxRefundedBefore: number,
  ): Promise<PaymentRecord | null> {
    const document = await this.payments.findOneAndUpdate(
      { _id: paymentId, refundedAmount: { $lte: maxRefundedBefore } },
      { $inc: { refundedAmount: refund.amount }, $push: { refunds: refund } },
      { returnDocument: 'after' },
    );
    return document ? toPaymentRecord(document) : null;
  }

  private async insertUnique<T extends { _id: string }>(
    collection: Collection<T>,
    document: T,
  ): Promise<boolean> {
    try {
      await collection.insertOne(document as Parameters<Collection<T>['insertOne']>[0]);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }
}

/** A Mongo store on its own client, with its indexes built; `close` ends the client. */
export interface OpenedMongoStore {
  store: MongoPaymentStore;
  close(): Promise<void>;
}

export async function openMongoPaymentStore(
  uri: string,
  dbName: string,
): Promise<OpenedMongoStore> {
  const client = await MongoClient.connect(uri);
  try {
    const store = new MongoPaymentStore(client.db(dbName));
    await store.ensureIndexes();
    return { store, close: () => client.close() };
  } catch (error) {
    await client.close();
    throw error;
  }
}
