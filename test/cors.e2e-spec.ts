import { createTestApp, TestApp } from './support';

const ALLOWED = 'https://shop.example';

describe('CORS (e2e)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp({
      env: { CORS_ORIGINS: `${ALLOWED}, https://admin.shop.example` },
    });
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('allows a configured origin, with credentials', async () => {
    const response = await testApp.http.get('/health').set('Origin', ALLOWED).expect(200);
    expect(response.headers['access-control-allow-origin']).toBe(ALLOWED);
    expect(response.headers['access-control-allow-credentials']).toBe('true');
    expect(response.headers['access-control-expose-headers']).toContain('x-request-id');
  });

  it('answers a preflight from a configured origin', async () => {
    const response = await testApp.http
      .options('/health')
      .set('Origin', 'https://admin.shop.example')
      .set('Access-Control-Request-Method', 'PATCH')
      .expect(204);
    expect(response.headers['access-control-allow-origin']).toBe('https://admin.shop.example');
    expect(response.headers['access-control-allow-methods']).toContain('PATCH');
  });

  it('gives another origin no CORS headers', async () => {
    const response = await testApp.http.get('/health').set('Origin', 'https://evil.example');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('CORS without configured origins (e2e)', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await createTestApp();
  });

  afterAll(async () => {
    await testApp.close();
  });

  it('allows no origin at all', async () => {
    const response = await testApp.http.get('/health').set('Origin', ALLOWED).expect(200);
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});
