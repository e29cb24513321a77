import { MongoThrottlerStorage } from '../apps/api/src/rate-limit/mongo-throttler.storage';
import { createTestApp, TestApp } from './support';
import { FrameProbeModule } from './support/frame-probe.module';

describe('rate limits (e2e)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({
      imports: [FrameProbeModule],
      env: { RATE_LIMIT_PER_MINUTE: '3', RATE_LIMIT_AUTH_PER_MINUTE: '2', TRUST_PROXY: 'true' },
    });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('answers the request over the general limit with 429 RATE_LIMITED in the error shape', async () => {
    for (let attempt = 1; attempt <= 3; attempt++) {
      await testApp.http.get('/probe/conflict').expect(409);
    }
    const response = await testApp.http.get('/probe/conflict').expect(429);
    expect(response.body).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: expect.any(String),
        requestId: response.headers['x-request-id'],
      },
    });
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('keeps its counters in MongoDB with an expiry', async () => {
    const counters = await testApp.connection.collection('rate_limit_counters').find({}).toArray();
    expect(counters.length).toBeGreaterThan(0);
    expect(counters.every((counter) => counter.expiresAt instanceof Date)).toBe(true);
    const indexes = await testApp.connection.collection('rate_limit_counters').indexes();
    expect(indexes).toContainEqual(
      expect.objectContaining({ key: { expiresAt: 1 }, expireAfterSeconds: 0 }),
    );
  });

  it('counts concurrent hits on one key exactly', async () => {
    const storage = testApp.app.get(MongoThrottlerStorage);
    const records = await Promise.all(
      Array.from({ length: 50 }, () => storage.increment('concurrent-key', 60_000, 40)),
    );
    const hits = records.map((record) => record.totalHits).sort((a, b) => a - b);
    expect(hits).toEqual(Array.from({ length: 50 }, (_, index) => index + 1));
    expect(records.filter((record) => record.isBlocked)).toHaveLength(10);
  });

  it('starts a new window once the old one has expired', async () => {
    const storage = testApp.app.get(MongoThrottlerStorage);
    await storage.increment('short-window', 1, 5);
    await storage.increment('short-window', 1, 5);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const record = await storage.increment('short-window', 60_000, 5);
    expect(record).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('does not throttle the health check', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      await testApp.http.get('/health').expect(200);
    }
  });

  it('applies the auth budget per account, whatever the client address', async () => {
    const login = (username: string, clientAddress: string) =>
      testApp.http
        .post('/probe/login')
        .set('X-Forwarded-For', clientAddress)
        .send({ username, password: 'x' });
    await login('Mallory', '203.0.113.1').expect(201);
    await login('mallory', '203.0.113.2').expect(201);
    const blocked = await login(' MALLORY ', '203.0.113.3').expect(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    await login('alice', '203.0.113.4').expect(201);
  });
});

describe('auth rate limit per IP (e2e)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({
      imports: [FrameProbeModule],
      env: { RATE_LIMIT_AUTH_PER_MINUTE: '2' },
    });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('blocks one client trying many accounts', async () => {
    await testApp.http.post('/probe/login').send({ username: 'a', password: 'x' }).expect(201);
    await testApp.http.post('/probe/login').send({ username: 'b', password: 'x' }).expect(201);
    await testApp.http.post('/probe/login').send({ username: 'c', password: 'x' }).expect(429);
  });

  it('leaves routes without @AuthRateLimit() on the general budget', async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      await testApp.http.get('/probe/request-id').expect(200);
    }
  });
});
