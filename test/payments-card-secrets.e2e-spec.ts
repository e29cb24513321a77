import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EJSON } from 'bson';
import request from 'supertest';
import { MongoEmulator } from '@kassa/mongo-emulator';
import { LedgerModule } from '../apps/api/src/ledger/ledger.module';
import { LedgerService } from '../apps/api/src/ledger/ledger.service';
import { CatalogModule } from '../apps/api/src/catalog/catalog.module';
import { UsersModule } from '../apps/api/src/users/users.module';
import { FactoryAccount } from './factories/records.factory';
import { createMediumContext, MediumContext } from './medium/support/medium-context';
import { eventually } from './support/eventually';
import { applyEnvironment, testEnvironment } from './support/test-environment';
import { bearer } from './support/auth';
import { TEST_CARD } from './support/payment-records';

const ROOT = join(__dirname, '..');
const OTHER_NUMBER = '4000056655665557';
const APPROVED = '4242424242424242';
const DECLINED = '4000000000000002';

/**
 * The API as `npm start` runs it, in a process of its own logging everything (`LOG_LEVEL=trace`)
 * to a captured stdout, on a database this spec can read: card numbers and CVVs sent to it must
 * appear in neither.
 */
describe('card numbers and CVVs are never stored or logged (e2e)', () => {
  let emulator: MongoEmulator | undefined;
  let context: MediumContext;
  let child: ChildProcessWithoutNullStreams;
  let output = '';
  let api: ReturnType<typeof request>;

  beforeAll(async () => {
    emulator = process.env.MONGODB_URI ? undefined : await MongoEmulator.start();
    const uri = process.env.MONGODB_URI ?? emulator!.uri;
    const restore = applyEnvironment({ MONGODB_URI: uri });
    try {
      context = await createMediumContext([UsersModule, LedgerModule, CatalogModule]);
    } finally {
      restore();
    }
    child = spawn(
      process.execPath,
      ['-r', join(ROOT, 'tools/register.js'), join(ROOT, 'apps/api/src/main.ts')],
      {
        cwd: mkdtempSync(join(tmpdir(), 'kassa-secrets-')),
        env: {
          ...testEnvironment(),
          PATH: process.env.PATH,
          HOST: '127.0.0.1',
          PORT: '0',
          LOG_LEVEL: 'trace',
          MONGODB_URI: uri,
          MONGODB_DB_NAME: context.connection.name,
          OUTBOX_DISPATCH_INTERVAL: '100ms',
        },
      },
    );
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let url = '';
    await eventually(async () => {
      url = /listening on (http:\/\/\S+)/.exec(output)?.[1] ?? '';
      expect(url).not.toBe('');
    }, 60_000);
    api = request(url);
  }, 90_000);

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await context?.close();
    await emulator?.stop();
  });

  async function login(account: FactoryAccount): Promise<string> {
    const response = await api
      .post('/auth/login')
      .send({ username: account.username, password: account.password })
      .expect(200);
    return bearer(response.body.accessToken);
  }

  it('keeps them out of the logs and the database, whatever the request', async () => {
    const payerAccount = await context.factory.customer();
    const payee = await context.factory.customer();
    const payer = await login(payerAccount);
    const pay = (card: Record<string, unknown>, amount = '15.00') =>
      api.post('/payments').set('Authorization', payer).send({ payeeId: payee.id, amount, card });

    const id = (await pay(TEST_CARD).expect(201)).body.id as string;
    await pay({ ...TEST_CARD, number: OTHER_NUMBER }).expect(400);
    await pay({ ...TEST_CARD, cvv: 'x987' }).expect(400);
    await pay(TEST_CARD, '0.00').expect(400);
    await api
      .post('/payments')
      .set('Authorization', payer)
      .set('Content-Type', 'application/json')
      .send(`{"payeeId":"${payee.id}","card":{"number":"${TEST_CARD.number}","cvv":"987"`)
      .expect(400);
    await api
      .post('/payments')
      .set('Authorization', payer)
      .set('Idempotency-Key', 'secrets-1')
      .send({ payeeId: payee.id, amount: '1.00', card: TEST_CARD })
      .expect(201);
    await api.post(`/payments/${id}/confirm`).set('Authorization', payer).expect(422);
    await context.get(LedgerService).record({
      kind: 'wallet_top_up',
      reference: `secrets-${id}`,
      postings: [
        { account: { kind: 'card_network' }, amountCents: -1500 },
        { account: { kind: 'wallet', userId: payerAccount.id }, amountCents: 1500 },
      ],
    });
    await api.post(`/payments/${id}/confirm`).set('Authorization', payer).expect(200);
    await eventually(async () => expect(output).toContain(`Receipt: payment ${id}`));

    expect(output).toMatch(/"statusCode":201/);
    expect(output).toMatch(/"statusCode":400/);
    expect(output).toMatch(/"statusCode":422/);
    expect(output).toContain('ending in 5556');
    for (const secret of [TEST_CARD.number, OTHER_NUMBER]) expect(output).not.toContain(secret);
    expect(output).not.toMatch(/cvv\W{0,6}x?987/i);

    const db = context.connection.db!;
    const collections = await db.listCollections().toArray();
    expect(collections.map((collection) => collection.name)).toEqual(
      expect.arrayContaining(['payments', 'idempotency_keys', 'outbox_messages', 'ledger_entries']),
    );
    for (const { name } of collections) {
      const stored = EJSON.stringify(await db.collection(name).find().toArray());
      for (const secret of [TEST_CARD.number, OTHER_NUMBER]) {
        expect([name, stored.includes(secret)]).toEqual([name, false]);
      }
      expect([name, /cvv/i.test(stored)]).toEqual([name, false]);
    }
  });

  it('keeps them out of card charges of orders and top-ups, paid, declined or refused', async () => {
    const buyer = await login(await context.factory.customer());
    const product = await context.factory.product({ priceCents: 1000, stock: 5 });
    const card = (number: string) => ({ ...TEST_CARD, number });
    const answers: string[] = [];
    for (const number of [DECLINED, APPROVED]) {
      await api
        .post('/cart/items')
        .set('Authorization', buyer)
        .send({ productId: product.id })
        .expect(200);
      const order = (await api.post('/orders').set('Authorization', buyer).expect(201)).body;
      const paid = await api
        .post(`/orders/${order.id}/pay`)
        .set('Authorization', buyer)
        .send({ card: card(number) });
      expect(paid.status).toBe(number === APPROVED ? 200 : 402);
      answers.push(JSON.stringify(paid.body));
    }
    const topUp = (body: Record<string, unknown>) =>
      api
        .post('/me/wallet/top-ups')
        .set('Authorization', buyer)
        .send({ amount: '5.00', ...body });
    answers.push(JSON.stringify((await topUp({ card: card(APPROVED) }).expect(201)).body));
    answers.push(
      JSON.stringify((await topUp({ card: { ...card(APPROVED), cvv: 'x987' } }).expect(400)).body),
    );
    answers.push(JSON.stringify((await topUp({ card: card(`${APPROVED}1`) }).expect(400)).body));
    await eventually(async () => expect(output).toContain('ending in 4242'));

    for (const secret of [APPROVED, DECLINED]) {
      expect([secret, output.includes(secret)]).toEqual([secret, false]);
      expect([secret, answers.join('\n').includes(secret)]).toEqual([secret, false]);
    }
    expect(output).not.toMatch(/cvv\W{0,6}x?987/i);
    const db = context.connection.db!;
    for (const { name } of await db.listCollections().toArray()) {
      const stored = EJSON.stringify(await db.collection(name).find().toArray());
      for (const secret of [APPROVED, DECLINED]) {
        expect([name, secret, stored.includes(secret)]).toEqual([name, secret, false]);
      }
    }
  });
});
