import { randomUUID } from 'node:crypto';
import { MetricsService } from '../apps/api/src/metrics/metrics.service';
import { UserStatus } from '../apps/api/src/users/user-status';
import { Factory } from './factories/records.factory';
import { createTestApp, TestApp } from './support';
import { Scrape, scrapeUntil } from './support/metrics';

const PRODUCT_404 =
  'kassa_http_requests_total{method="GET",route="/products/:id",status_class="4xx"}';

describe('metrics at /metrics (e2e)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({
      env: { RATE_LIMIT_PER_MINUTE: '3', UNVERIFIED_PURGE_INTERVAL: '50ms' },
    });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('answers Prometheus text with the process series: CPU, memory, event-loop lag', async () => {
    const response = await testApp.http.get('/metrics').expect(200);
    expect(response.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    const scrape = new Scrape(response.text);
    for (const name of [
      'process_cpu_seconds_total',
      'process_resident_memory_bytes',
      'nodejs_eventloop_lag_seconds',
      'nodejs_eventloop_lag_p99_seconds',
      'kassa_http_requests_in_flight',
    ]) {
      expect([name, scrape.has(name)]).toEqual([name, true]);
    }
    expect(scrape.value('kassa_http_requests_in_flight')).toBe(1);
  });

  it('counts requests and their latency by route pattern and status class, never by raw URL', async () => {
    const before = await Scrape.of(testApp.http);
    const ids = [randomUUID(), randomUUID()];
    for (const id of ids) await testApp.http.get(`/products/${id}`).expect(404);
    await testApp.http.get('/brands').expect(200);
    const after = await Scrape.of(testApp.http);
    expect(after.value(PRODUCT_404) - before.value(PRODUCT_404)).toBe(2);
    const latency = PRODUCT_404.replace('requests_total', 'request_duration_seconds_count');
    expect(after.value(latency) - before.value(latency)).toBe(2);
    expect(
      after.value('kassa_http_requests_total{method="GET",route="/brands",status_class="2xx"}'),
    ).toBe(
      before.value('kassa_http_requests_total{method="GET",route="/brands",status_class="2xx"}') +
        1,
    );
    expect(ids.filter((id) => after.body.includes(id))).toEqual([]);
  });

  it('files unknown paths under one "unmatched" route', async () => {
    const path = `/no-such-route/${randomUUID()}`;
    await testApp.http.get(path).expect(404);
    const scrape = await Scrape.of(testApp.http);
    expect(
      scrape.value('kassa_http_requests_total{method="GET",route="unmatched",status_class="4xx"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(scrape.body).not.toContain(path);
  });

  it('counts error answers by status and catalogued code: refusals before the handler too', async () => {
    const before = await Scrape.of(testApp.http);
    await testApp.http.get('/me').expect(401);
    await testApp.http.get('/products/not-an-id').expect(400);
    for (let attempt = 0; attempt < 3; attempt++) await testApp.http.get('/categories').expect(200);
    await testApp.http.get('/categories').expect(429);
    const after = await Scrape.of(testApp.http);
    const moved = (series: string) => after.value(series) - before.value(series);
    expect([
      moved(
        'kassa_http_errors_total{method="GET",route="/me",status="401",code="UNAUTHENTICATED"}',
      ),
      moved(
        'kassa_http_errors_total{method="GET",route="/products/:id",status="400",code="VALIDATION_FAILED"}',
      ),
      moved(
        'kassa_http_errors_total{method="GET",route="/categories",status="429",code="RATE_LIMITED"}',
      ),
    ]).toEqual([1, 1, 1]);
  });

  it('is never rate-limited', async () => {
    for (let scrape = 0; scrape < 6; scrape++) await testApp.http.get('/metrics').expect(200);
  });

  it('reads gauge callbacks at scrape time', async () => {
    const users = testApp.connection.collection('users');
    testApp.app
      .get(MetricsService)
      .gaugeCallback('kassa_test_users_stored', 'Users stored', () => users.countDocuments());
    const before = (await Scrape.of(testApp.http)).value('kassa_test_users_stored');
    await new Factory(testApp.connection).customer();
    expect((await Scrape.of(testApp.http)).value('kassa_test_users_stored')).toBe(before + 1);
  });

  it('counts the runs of scheduled jobs and what they did', async () => {
    const account = await new Factory(testApp.connection).account({
      status: UserStatus.Unverified,
    });
    await testApp.connection
      .collection('users')
      .updateOne({ _id: account.id as never }, { $set: { createdAt: new Date(0) } });
    const scrape = await scrapeUntil(
      testApp.http,
      (current) => current.value('kassa_unverified_users_purged_total') >= 1,
    );
    expect(
      scrape.value('kassa_job_runs_total{job="purge-unverified-users",outcome="succeeded"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(scrape.has('kassa_job_duration_seconds_bucket')).toBe(true);
  });

  it('is documented under "operations", for Prometheus rather than shop users', async () => {
    const document = (await testApp.http.get('/docs-json').expect(200)).body;
    const operation = document.paths['/metrics'].get;
    expect(operation).toMatchObject({ operationId: 'getMetrics', tags: ['operations'] });
    expect(operation.security).toBeUndefined();
    expect(Object.keys(operation.responses['200'].content)).toEqual(['text/plain']);
  });
});

describe('metrics with METRICS_TOKEN (e2e)', () => {
  const token = 'metrics-scrape-token-0123456789';
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ env: { METRICS_TOKEN: token } });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('refuses a scrape without the token, or with another one, as 401 UNAUTHENTICATED', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token-0123456789abc', token]) {
      const request = testApp.http.get('/metrics');
      if (authorization) request.set('Authorization', authorization);
      const response = await request.expect(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
      expect(response.headers['www-authenticate']).toBe('Bearer');
    }
  });

  it('serves the metrics with the token as a bearer', async () => {
    const scrape = await Scrape.of(testApp.http, `Bearer ${token}`);
    expect(scrape.has('kassa_http_requests_total')).toBe(true);
  });

  it('leaves the rest of the API as it is', async () => {
    await testApp.http.get('/health/ready').expect(200);
  });
});
