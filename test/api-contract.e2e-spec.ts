import { isErrorCode } from '@kassa/common';
import { adminToken, bearer, useTestApp } from './support/auth';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Operation {
  method: Method;
  path: string;
  security?: unknown[];
  requestBody?: unknown;
  responses: Record<string, { content?: Record<string, { example?: unknown; schema?: unknown }> }>;
  summary?: string;
}

const METHODS: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** Path parameters as a client might send them: well-formed, malformed, and operator-shaped. */
const PATH_PARAMETER_VALUES = [UNKNOWN_ID, 'not-an-id', '%7B%22%24gt%22%3A%22%22%7D'];

const HOSTILE_BODIES: [label: string, body: string, contentType: string][] = [
  [
    'operators',
    JSON.stringify({ username: { $gt: '' }, name: { $ne: null }, price: { $where: '1' } }),
    'application/json',
  ],
  ['an array', JSON.stringify([{ name: 'a' }]), 'application/json'],
  [
    'huge strings',
    JSON.stringify({
      username: 'u'.repeat(60_000),
      name: 'n'.repeat(60_000),
      model: 'm'.repeat(60_000),
    }),
    'application/json',
  ],
  [
    'wrong types',
    JSON.stringify({ name: 1, price: 12.5, stock: '7', active: 'yes', brandId: [], email: true }),
    'application/json',
  ],
  ['malformed JSON', '{"name": ', 'application/json'],
  ['an oversized body', JSON.stringify({ name: 'x'.repeat(2 * 1024 * 1024) }), 'application/json'],
  ['a wrong content type', 'name=a&price=1', 'text/plain'],
];

const HOSTILE_QUERY = '?filter[$or][0][a]=1&sort=$natural&page[]=1&limit=1e9&search[$regex]=.*';

function operationsOf(document: {
  paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
}): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ method, path, ...item[method] })),
  );
}

function concretePaths(template: string): string[] {
  if (!template.includes('{')) return [template];
  return PATH_PARAMETER_VALUES.map((value) => template.replace(/\{[^}]+\}/g, value));
}

describe('the API contract published at /docs-json (e2e)', () => {
  const suite = useTestApp();
  let operations: Operation[];

  beforeAll(async () => {
    const response = await suite.testApp.http.get('/docs-json').expect(200);
    operations = operationsOf(response.body);
  });

  it('documents the canonical and requirement routes', () => {
    expect(operations.length).toBeGreaterThanOrEqual(59);
    const routes = operations.map(({ method, path }) => `${method.toUpperCase()} ${path}`);
    expect(routes).toEqual(
      expect.arrayContaining([
        'POST /auth/register',
        'POST /registration',
        'POST /auth/login',
        'POST /authentication',
        'GET /me',
        'GET /users',
        'PATCH /users/{id}',
        'GET /products',
        'POST /product',
        'GET /products/{id}/price-history',
        'POST /products/{id}/images',
        'DELETE /category/{id}',
        'GET /health',
      ]),
    );
  });

  it('gives every route a summary and a documented response with an example or schema', () => {
    const undocumented = operations.filter(
      (operation) =>
        !operation.summary ||
        !Object.values(operation.responses).some((response) =>
          Object.values(response.content ?? {}).some(
            (media) => media.example !== undefined || media.schema,
          ),
        ),
    );
    expect(undocumented.map(({ method, path }) => `${method} ${path}`)).toEqual([]);
  });

  it('refuses a call without a token on every route that declares bearer auth', async () => {
    const secured = operations.filter((operation) => operation.security?.length);
    expect(secured.length).toBeGreaterThanOrEqual(37);
    const admitted: string[] = [];
    for (const { method, path } of secured) {
      const response = await suite.testApp.http[method](concretePaths(path)[0]).send({});
      if (response.status !== 401) admitted.push(`${method} ${path}: ${response.status}`);
    }
    expect(admitted).toEqual([]);
  });

  it('never answers hostile input with a 5xx, always in the error shape, with catalogued codes', async () => {
    const admin = bearer(await adminToken(suite.testApp.http));
    const failures: string[] = [];
    for (const { method, path: template } of operations) {
      for (const path of concretePaths(template)) {
        const bodies =
          method === 'get' || method === 'delete' ? [HOSTILE_BODIES[0]] : HOSTILE_BODIES;
        for (const [label, body, contentType] of bodies) {
          for (const authorization of [undefined, admin]) {
            const url = method === 'get' ? `${path}${HOSTILE_QUERY}` : path;
            const request = suite.testApp.http[method](url).set('Content-Type', contentType);
            if (authorization) request.set('Authorization', authorization);
            const response = await (method === 'get' ? request : request.send(body));
            const code: unknown = response.body?.error?.code;
            const shaped = response.status < 400 || (typeof code === 'string' && isErrorCode(code));
            if (response.status >= 500 || !shaped) {
              failures.push(`${method.toUpperCase()} ${path} with ${label}: ${response.status}`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
