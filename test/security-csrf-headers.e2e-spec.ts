import { useTestApp } from './support/auth';
import { exampleBody, fillPath, OpenApiDocument, Operation, operationsOf } from './support/openapi';
import { createResource, resourceKindOf } from './support/route-resources';
import { gifImage } from './factories/image.factory';

const STATE_CHANGING = new Set(['post', 'put', 'patch', 'delete']);

function cookiesOf(response: { headers: Record<string, unknown> }): Record<string, string> {
  const lines = (response.headers['set-cookie'] as string[] | undefined) ?? [];
  return Object.fromEntries(lines.map((line) => line.split(';')[0].split('=', 2)));
}

/** Whether an operation documents the `X-CSRF-Token` header: it reads the session cookie. */
function readsSessionCookie(operation: Operation): boolean {
  return operation.parameters.some(
    (parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'x-csrf-token',
  );
}

/**
 * CSRF: the only ambient credential is the refresh cookie (SameSite=Strict, httpOnly, path
 * `/auth` and `/refresh`); access tokens travel in the Authorization header, which a browser
 * never adds by itself. Every state-changing route of `/docs-json` is sent a live session's
 * cookies without that header: routes that read the cookie (they document X-CSRF-Token) answer
 * 403 CSRF_TOKEN_INVALID, authenticated routes 401, and public ones exactly what they answer
 * without cookies (with an empty body, so neither call changes anything).
 */
describe('cookies authenticate nothing without the CSRF token (e2e)', () => {
  const suite = useTestApp();
  let document: OpenApiDocument;
  let operations: Operation[];

  beforeAll(async () => {
    document = (await suite.testApp.http.get('/docs-json').expect(200)).body;
    operations = operationsOf(document).filter((operation) => STATE_CHANGING.has(operation.method));
  });

  /** A live session's cookies, as a browser would send them to any route of the API. */
  async function sessionCookies(role: 'customer' | 'admin') {
    const account = await (role === 'admin' ? suite.factory.admin() : suite.factory.customer());
    const login = await suite.testApp.http
      .post('/auth/login')
      .send({ username: account.username, password: account.password })
      .expect(200);
    const { kassa_refresh: refresh, kassa_csrf: csrf } = cookiesOf(login);
    return { header: `kassa_refresh=${refresh}; kassa_csrf=${csrf}`, csrf };
  }

  it('accepts no state-changing request on the strength of cookies alone', async () => {
    const problems: string[] = [];
    for (const operation of operations) {
      const owner = await suite.factory.customer();
      const kind = resourceKindOf(operation.path);
      const path = fillPath(
        operation.path,
        kind ? await createResource(suite, kind.name, owner) : {},
      );
      const role = operation.roles.includes('admin') ? 'admin' : 'customer';
      const cookies = await sessionCookies(role);
      const isPublic = operation.roles.includes('guest');
      const body = isPublic ? {} : (exampleBody(operation, document) ?? {});
      const withCookies = await suite.testApp.http[operation.method](path)
        .set('Cookie', cookies.header)
        .send(body as object);
      const route = `${operation.method.toUpperCase()} ${operation.path}`;
      const code = withCookies.body?.error?.code;
      if (readsSessionCookie(operation)) {
        if (code !== 'CSRF_TOKEN_INVALID') problems.push(`${route}: ${withCookies.status} ${code}`);
      } else if (!isPublic) {
        if (code !== 'UNAUTHENTICATED') problems.push(`${route}: ${withCookies.status} ${code}`);
      } else {
        const bare = await suite.testApp.http[operation.method](path).send(body as object);
        if (bare.status !== withCookies.status) {
          problems.push(`${route}: cookies turned ${bare.status} into ${withCookies.status}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(operations.filter(readsSessionCookie).map((operation) => operation.path)).toEqual(
      expect.arrayContaining(['/auth/refresh', '/auth/logout']),
    );
  }, 120_000);

  it('uses the session cookie only with the matching X-CSRF-Token header', async () => {
    const cookies = await sessionCookies('customer');
    const refreshed = await suite.testApp.http
      .post('/auth/refresh')
      .set('Cookie', cookies.header)
      .set('X-CSRF-Token', cookies.csrf)
      .send({})
      .expect(200);
    expect(refreshed.body.accessToken).toEqual(expect.any(String));
  });
});

const SECURITY_HEADERS = {
  'content-security-policy': expect.stringContaining("default-src 'self'"),
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'SAMEORIGIN',
  'strict-transport-security': expect.stringContaining('max-age='),
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

describe('security headers on every kind of answer (e2e)', () => {
  const suite = useTestApp();
  let imagePath: string;

  beforeAll(async () => {
    const product = await suite.factory.product();
    const upload = await suite.testApp.http
      .post(`/products/${product.id}/images`)
      .set('Authorization', suite.admin)
      .attach('file', gifImage(), 'pixel.gif')
      .expect(201);
    imagePath = `/products/${product.id}/images/${upload.body.id}`;
  });

  it.each([
    ['JSON', () => suite.testApp.http.get('/store-info'), 200, 'application/json'],
    ['a JSON list', () => suite.testApp.http.get('/products?limit=1'), 200, 'application/json'],
    ['an image', () => suite.testApp.http.get(imagePath), 200, 'image/gif'],
    [
      'a not-modified answer',
      () => suite.testApp.http.get(imagePath).set('If-None-Match', '*'),
      304,
      undefined,
    ],
    ['an unknown route', () => suite.testApp.http.get('/nowhere'), 404, 'application/json'],
    ['a refusal', () => suite.testApp.http.get('/me'), 401, 'application/json'],
    [
      'a validation error',
      () => suite.testApp.http.get('/products?limit=0'),
      400,
      'application/json',
    ],
    ['the docs page', () => suite.testApp.http.get('/docs'), 200, 'text/html'],
    ['the OpenAPI document', () => suite.testApp.http.get('/docs-json'), 200, 'application/json'],
    [
      'a socket.io handshake over HTTP',
      () => suite.testApp.http.get('/socket.io/?EIO=4&transport=polling'),
      200,
      'text/plain',
    ],
    [
      'a socket.io request from an origin outside CORS_ORIGINS',
      () =>
        suite.testApp.http
          .get('/socket.io/?EIO=4&transport=polling')
          .set('Origin', 'https://evil.example'),
      403,
      undefined,
    ],
  ] as const)('%s', async (_label, call, status, contentType) => {
    const response = await call();
    expect(response.status).toBe(status);
    if (contentType) expect(response.headers['content-type']).toContain(contentType);
    expect(response.headers).toMatchObject(SECURITY_HEADERS);
  });
});
