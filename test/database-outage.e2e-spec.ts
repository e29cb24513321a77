import { MongoEmulator } from '@kassa/mongo-emulator';
import { createTestApp, TestApp } from './support';
import { eventually } from './support/eventually';

const TIMEOUT = '1s';

describe('the database gone and back (e2e)', () => {
  let emulator: MongoEmulator;
  let testApp: TestApp;

  beforeAll(async () => {
    emulator = await MongoEmulator.start();
    testApp = await createTestApp({
      env: { MONGODB_URI: emulator.uri, MONGODB_TIMEOUT: TIMEOUT, LOG_LEVEL: 'silent' },
    });
  });

  afterAll(async () => {
    await testApp?.close();
    await emulator?.stop();
  });

  it('answers at once while the database is up', async () => {
    await testApp.http.get('/health/ready').expect(200);
    await testApp.http.get('/products').expect(200);
  });

  it('fails fast with 503 SERVICE_UNAVAILABLE while it is down, and stays alive', async () => {
    await emulator.stop();
    for (const call of [
      () => testApp.http.get('/products'),
      () => testApp.http.get('/brands'),
      () => testApp.http.post('/auth/login').send({ username: 'ada', password: 'whatever-1' }),
      () => testApp.http.get('/health/ready'),
      () => testApp.http.get('/health'),
    ]) {
      const started = Date.now();
      const response = await call();
      expect([response.status, Date.now() - started < 5_000]).toEqual([503, true]);
      expect(response.body.error).toMatchObject({
        code: 'SERVICE_UNAVAILABLE',
        requestId: response.headers['x-request-id'],
      });
      expect(Number(response.headers['retry-after'] ?? 1)).toBeGreaterThan(0);
    }
    await testApp.http.get('/health/live').expect(200);
  });

  it('recovers by itself when the database returns', async () => {
    emulator = await MongoEmulator.start({ port: emulator.port });
    await eventually(async () => {
      await testApp.http.get('/products').expect(200);
    }, 20_000);
    await testApp.http.get('/health/ready').expect(200);
  }, 30_000);
});
