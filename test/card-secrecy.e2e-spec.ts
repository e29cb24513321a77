import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import request from 'supertest';
import { MongoEmulator } from '@kassa/mongo-emulator';

const ROOT = join(__dirname, '..');
const NUMBER = '4242424242424242';
const DECLINED = '4000000000000002';
const CVV = '987';
const ADMIN = { username: 'admin', password: 'admin-password-123' };

/**
 * Card numbers and CVVs never reach a log line, a stored document or an error message: the API
 * runs as a process of its own with every log level on, takes card payments and refusals, and
 * then its output and its whole database are searched for them.
 */
describe('card data stays secret (e2e)', () => {
  let emulator: MongoEmulator;
  let child: ChildProcessWithoutNullStreams;
  let output = '';
  let url: string;

  beforeAll(async () => {
    emulator = await MongoEmulator.start();
    child = spawn(
      process.execPath,
      ['-r', join(ROOT, 'tools/register.js'), join(ROOT, 'apps/api/src/main.ts')],
      {
        cwd: mkdtempSync(join(tmpdir(), 'kassa-cards-')),
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'development',
          HOST: '127.0.0.1',
          PORT: '0',
          LOG_LEVEL: 'trace',
          MONGODB_URI: emulator.uri,
          MONGODB_DB_NAME: 'kassa_cards',
          ADMIN_USERNAME: ADMIN.username,
          ADMIN_EMAIL: 'admin@example.test',
          ADMIN_PASSWORD: ADMIN.password,
          PASSWORD_SCRYPT_LOG_N: '10',
        },
      },
    );
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match) {
          url = match[1];
          clearInterval(check);
          resolve();
        }
      }, 100);
    });
  }, 60_000);

  afterAll(async () => {
    child?.kill('SIGKILL');
    await emulator?.stop();
  });

  it('keeps the number and the CVV out of logs, answers and the database', async () => {
    const http = request(url);
    const login = await http.post('/auth/login').send(ADMIN).expect(200);
    const auth = `Bearer ${login.body.accessToken}`;
    const brand = (
      await http
        .post('/brands')
        .set('Authorization', auth)
        .send({ name: 'Secret Brand' })
        .expect(201)
    ).body;
    const category = (
      await http
        .post('/categories')
        .set('Authorization', auth)
        .send({ name: 'Secret Category' })
        .expect(201)
    ).body;
    const product = (
      await http
        .post('/products')
        .set('Authorization', auth)
        .send({
          model: 'Vault',
          brandId: brand.id,
          categoryId: category.id,
          price: '10.00',
          stock: 5,
        })
        .expect(201)
    ).body;
    const year = String((new Date().getUTCFullYear() + 1) % 100).padStart(2, '0');
    const card = (number: string) => ({
      holder: 'Ada Lovelace',
      number,
      expiry: `12${year}`,
      cvv: CVV,
    });
    const answers: string[] = [];
    for (const number of [DECLINED, NUMBER]) {
      await http
        .post('/cart/items')
        .set('Authorization', auth)
        .send({ productId: product.id })
        .expect(200);
      const order = (await http.post('/orders').set('Authorization', auth).expect(201)).body;
      answers.push(
        JSON.stringify(
          (
            await http
              .post(`/orders/${order.id}/pay`)
              .set('Authorization', auth)
              .send({ card: card(number) })
          ).body,
        ),
      );
    }
    answers.push(
      JSON.stringify(
        (
          await http
            .post('/me/wallet/top-ups')
            .set('Authorization', auth)
            .send({ amount: '5', card: card(NUMBER) })
        ).body,
      ),
    );
    answers.push(
      JSON.stringify(
        (
          await http
            .post('/me/wallet/top-ups')
            .set('Authorization', auth)
            .send({ amount: '5', card: { ...card(NUMBER), cvv: `${CVV}0` } })
        ).body,
      ),
    );
    answers.push(
      JSON.stringify(
        (
          await http
            .post('/me/wallet/top-ups')
            .set('Authorization', auth)
            .send({ amount: '5', card: { ...card(NUMBER), number: `${NUMBER}1` } })
        ).body,
      ),
    );
    expect(answers.join('\n')).toContain('PAYMENT_DECLINED');
    await new Promise((resolve) => setTimeout(resolve, 500));

    for (const secret of [NUMBER, DECLINED, `"cvv":"${CVV}`, `${CVV}0`]) {
      expect([secret, output.includes(secret)]).toEqual([secret, false]);
      expect([secret, answers.join('\n').includes(secret)]).toEqual([secret, false]);
    }
    const client = await MongoClient.connect(emulator.uri);
    try {
      const db = client.db('kassa_cards');
      for (const { name } of await db.listCollections().toArray()) {
        const dump = JSON.stringify(await db.collection(name).find().toArray());
        for (const secret of [NUMBER, DECLINED, `"cvv"`])
          expect([name, secret, dump.includes(secret)]).toEqual([name, secret, false]);
      }
    } finally {
      await client.close();
    }
    expect(output).toContain('4242');
  }, 60_000);
});
