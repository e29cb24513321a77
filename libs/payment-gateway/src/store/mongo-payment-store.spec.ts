import { randomUUID } from 'node:crypto';
import { MongoClient } from 'mongodb';
import { MongoEmulator } from '@kassa/mongo-emulator';
import {
  CARD,
  chargeRequest,
  CVV,
  newProcessor,
  uniqueKey,
} from '../testing/charge-fixtures.shared-spec';
import { describeStoreRules } from '../testing/store-rules.shared-spec';
import {
  KEY_RETENTION_SECONDS,
  MongoPaymentStore,
  openMongoPaymentStore,
} from './mongo-payment-store';
import { PaymentStore } from './payment-store';

/** On the emulator, or on `MONGODB_URI` when set; every test gets a database of its own. */
describe(MongoPaymentStore.name, () => {
  let emulator: MongoEmulator | undefined;
  let uri: string;
  const dbNames: string[] = [];
  const closers: Array<() => Promise<void>> = [];
  const dbNameOf = new Map<PaymentStore, string>();

  async function open(dbName = `gateway_${randomUUID().slice(0, 8)}`): Promise<MongoPaymentStore> {
    const opened = await openMongoPaymentStore(uri, dbName);
    closers.push(opened.close);
    dbNames.push(dbName);
    dbNameOf.set(opened.store, dbName);
    return opened.store;
  }

  beforeAll(async () => {
    uri = process.env.MONGODB_URI ?? (emulator = await MongoEmulator.start()).uri;
  });

  afterAll(async () => {
    const client = await MongoClient.connect(uri);
    for (const dbName of new Set(dbNames)) await client.db(dbName).dropDatabase();
    await client.close();
    for (const close of closers) await close();
    await emulator?.stop();
  });

  describeStoreRules(open, async (store) => open(dbNameOf.get(store)));

  it('builds a unique index on the reference and a one-day TTL on idempotency keys', async () => {
    const store = await open();
    const client = await MongoClient.connect(uri);
    try {
      const db = client.db(dbNameOf.get(store));
      const paymentIndexes = await db.collection('gateway_payments').listIndexes().toArray();
      const keyIndexes = await db.collection('gateway_idempotency_keys').listIndexes().toArray();

      expect(paymentIndexes).toContainEqual(
        expect.objectContaining({ key: { reference: 1 }, unique: true }),
      );
      expect(keyIndexes).toContainEqual(
        expect.objectContaining({
          key: { createdAt: 1 },
          expireAfterSeconds: KEY_RETENTION_SECONDS,
        }),
      );
    } finally {
      await client.close();
    }
  });

  it('stores no card number or CVV in any document, only the last four digits', async () => {
    const store = await open();
    const processor = newProcessor(store, { sleep: async () => undefined });
    for (const number of Object.values(CARD)) {
      const request = chargeRequest(number);
      const key = uniqueKey();
      await processor.charge(request, key);
      await processor.charge(request, key);
    }
    const client = await MongoClient.connect(uri);
    try {
      const db = client.db(dbNameOf.get(store));
      const documents = [
        ...(await db.collection('gateway_payments').find().toArray()),
        ...(await db.collection('gateway_idempotency_keys').find().toArray()),
      ];
      const stored = JSON.stringify(documents);

      expect(documents.length).toBeGreaterThan(Object.values(CARD).length);
      for (const number of Object.values(CARD)) expect(stored).not.toContain(number);
      expect(stored).not.toMatch(/cvv/i);
      expect(stored).not.toContain(`"${CVV}"`);
      expect(stored).toContain('"cardLast4":"4242"');
    } finally {
      await client.close();
    }
  });
});
