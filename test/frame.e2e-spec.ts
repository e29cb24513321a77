import { createTestApp, TestApp } from './support';
import { FrameProbeModule } from './support/frame-probe.module';

const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function expectErrorShape(body: unknown, code: string): void {
  expect(body).toEqual({
    error: expect.objectContaining({
      code,
      message: expect.any(String),
      requestId: expect.any(String),
    }),
  });
}

describe('API frame (e2e)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({ imports: [FrameProbeModule] });
  });

  afterAll(async () => {
    await testApp.close();
  });

  describe('GET /health', () => {
    it('answers 200 with the database up', async () => {
      const response = await testApp.http.get('/health').expect(200);
      expect(response.body).toEqual({
        status: 'ok',
        database: 'up',
        uptimeSeconds: expect.any(Number),
      });
    });

    it('ignores a trailing slash', async () => {
      await testApp.http.get('/health/').expect(200);
    });
  });

  describe('X-Request-Id', () => {
    it('keeps an acceptable incoming id', async () => {
      const response = await testApp.http.get('/health').set('X-Request-Id', 'abc-123-XYZ');
      expect(response.headers['x-request-id']).toBe('abc-123-XYZ');
    });

    it('replaces an unacceptable incoming id with a new UUID', async () => {
      const response = await testApp.http.get('/health').set('X-Request-Id', 'bad id;<script>');
      expect(response.headers['x-request-id']).toMatch(REQUEST_ID);
    });

    it('mints one when none is sent, and puts it in error bodies too', async () => {
      const response = await testApp.http.get('/no-such-route').expect(404);
      expect(response.headers['x-request-id']).toMatch(REQUEST_ID);
      expect(response.body.error.requestId).toBe(response.headers['x-request-id']);
    });
  });

  describe('framework errors share the error shape', () => {
    it('answers an unknown route with 404 NOT_FOUND', async () => {
      const response = await testApp.http.get('/no-such-route').expect(404);
      expectErrorShape(response.body, 'NOT_FOUND');
    });

    it('answers malformed JSON with 400 VALIDATION_FAILED', async () => {
      const response = await testApp.http
        .post('/health')
        .set('Content-Type', 'application/json')
        .send('{"username": ')
        .expect(400);
      expectErrorShape(response.body, 'VALIDATION_FAILED');
    });

    it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
      const response = await testApp.http
        .post('/health')
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ blob: 'x'.repeat(1024 * 1024 + 1) }))
        .expect(413);
      expectErrorShape(response.body, 'PAYLOAD_TOO_LARGE');
    });

    it('answers an unsupported content type with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      const response = await testApp.http
        .post('/probe/payments')
        .set('Content-Type', 'application/x-unknown')
        .send('hello')
        .expect(415);
      expectErrorShape(response.body, 'UNSUPPORTED_MEDIA_TYPE');
    });
  });

  describe('validation', () => {
    const validPayment = {
      card: { holder: 'Ada Lovelace', number: '4242424242424242' },
      quantity: 2,
    };

    it('accepts a valid body and transforms it to the DTO', async () => {
      const response = await testApp.http.post('/probe/payments').send(validPayment).expect(201);
      expect(response.body).toEqual({ quantity: 2, holder: 'Ada Lovelace' });
    });

    it('reports every invalid field with its nested path', async () => {
      const response = await testApp.http
        .post('/probe/payments')
        .send({ card: { holder: 'A', number: '4242' }, quantity: 0 })
        .expect(400);
      expectErrorShape(response.body, 'VALIDATION_FAILED');
      const fields = response.body.error.details.map((detail: { field: string }) => detail.field);
      expect(fields.sort()).toEqual(['card.holder', 'card.number', 'quantity']);
    });

    it('refuses unknown fields, nested ones included', async () => {
      const response = await testApp.http
        .post('/probe/payments')
        .send({ ...validPayment, admin: true, card: { ...validPayment.card, cvv: '123' } })
        .expect(400);
      const fields = response.body.error.details.map((detail: { field: string }) => detail.field);
      expect(fields.sort()).toEqual(['admin', 'card.cvv']);
    });

    it('refuses operator objects where text is expected', async () => {
      const response = await testApp.http
        .post('/probe/login')
        .send({ username: { $gt: '' }, password: 'x' })
        .expect(400);
      expect(response.body.error.details).toEqual([
        { field: 'username', message: expect.any(String) },
      ]);
    });

    it.each([
      ['an array', '[1, 2]', 'application/json'],
      ['null', 'null', 'application/json'],
      ['a string', '"text"', 'application/json'],
    ])('answers %s as the body with 400, never 500', async (_kind, body, contentType) => {
      const response = await testApp.http
        .post('/probe/payments')
        .set('Content-Type', contentType)
        .send(body)
        .expect(400);
      expectErrorShape(response.body, 'VALIDATION_FAILED');
      expect(response.body.error.details).toEqual([{ field: 'body', message: expect.any(String) }]);
    });

    it('refuses a body that is not JSON with 415', async () => {
      const response = await testApp.http
        .post('/probe/payments')
        .set('Content-Type', 'text/plain')
        .send('hello')
        .expect(415);
      expectErrorShape(response.body, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('validates a request without a body against the DTO', async () => {
      const response = await testApp.http.post('/probe/payments').expect(400);
      const fields = response.body.error.details.map((detail: { field: string }) => detail.field);
      expect(fields).toContain('quantity');
    });

    it('refuses MongoDB operators in list queries', async () => {
      const response = await testApp.http
        .get('/probe/items?filter[price][$where]=1&sort=$natural')
        .expect(400);
      expect(response.body.error.details).toEqual([
        { field: 'sort', message: expect.any(String) },
        { field: 'filter[price][$where]', message: expect.any(String) },
      ]);
    });

    it('parses nested list queries with qs', async () => {
      const response = await testApp.http
        .get('/probe/items?filter[price][gte]=12.50&sort=-price&limit=5')
        .expect(200);
      expect(response.body).toMatchObject({
        filter: { priceCents: { $gte: 1250 } },
        sort: { priceCents: -1, _id: -1 },
        limit: 5,
      });
    });
  });

  describe('error mapping', () => {
    it('maps a domain error to its status and code', async () => {
      const response = await testApp.http.get('/probe/conflict').expect(409);
      expect(response.body).toEqual({
        error: {
          code: 'IN_USE',
          message: 'Brand b-1 is still in use',
          requestId: response.headers['x-request-id'],
        },
      });
    });

    it('answers an unexpected error with 500 INTERNAL and leaks nothing', async () => {
      const response = await testApp.http.get('/probe/fault').expect(500);
      expect(response.body).toEqual({
        error: {
          code: 'INTERNAL',
          message: 'Internal server error',
          requestId: response.headers['x-request-id'],
        },
      });
      expect(response.text).not.toContain('hunter2');
    });

    it('hands the request id to handlers', async () => {
      const response = await testApp.http
        .get('/probe/request-id')
        .set('X-Request-Id', 'trace-42')
        .expect(200);
      expect(response.body).toEqual({ requestId: 'trace-42' });
    });
  });

  describe('security headers', () => {
    it('sends helmet headers', async () => {
      const response = await testApp.http.get('/health').expect(200);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(response.headers['strict-transport-security']).toContain('max-age=');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    });
  });

  describe('API docs', () => {
    it('serves Swagger UI at /docs', async () => {
      const response = await testApp.http.get('/docs').expect(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.text).toContain('swagger-ui');
    });

    it('serves the Swagger UI assets the page loads, under the security policy', async () => {
      const page = await testApp.http.get('/docs').expect(200);
      const assets = [...page.text.matchAll(/(?:src|href)="\.\/docs\/([^"]+\.(?:js|css))"/g)];
      expect(assets.length).toBeGreaterThanOrEqual(3);
      for (const [, asset] of assets) {
        await testApp.http.get(`/docs/${asset}`).expect(200);
      }
      const policy = page.headers['content-security-policy'];
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain("style-src 'self' 'unsafe-inline'");
    });

    it('serves the OpenAPI document at /docs-json with a bearer scheme', async () => {
      const response = await testApp.http.get('/docs-json').expect(200);
      expect(response.body.openapi).toMatch(/^3\./);
      expect(response.body.info).toMatchObject({ title: 'Kassa API', version: expect.any(String) });
      expect(response.body.components.securitySchemes.bearer).toMatchObject({
        type: 'http',
        scheme: 'bearer',
      });
      expect(response.body.paths['/health'].get).toBeDefined();
    });
  });
});
