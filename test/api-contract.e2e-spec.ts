import { isErrorCode } from '@kassa/common';
import { adminToken, bearer, useTestApp } from './support/auth';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

interface Parameter {
  name: string;
  in: string;
  example?: unknown;
}

interface Operation {
  method: Method;
  path: string;
  operationId: string;
  tags?: string[];
  parameters?: Parameter[];
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

/** Thousands of requests: generous, so a loaded CI machine does not time them out. */
const HOSTILE_TIMEOUT_MS = 300_000;

const HOSTILE_QUERY = '?filter[$or][0][a]=1&sort=$natural&page[]=1&limit=1e9&search[$regex]=.*';

/** More shapes a hostile client sends, to one concrete path of every route. */
const MORE_HOSTILE_BODIES: [label: string, body: string | Buffer, contentType: string][] = [
  ['deep nesting', `{"name":${'['.repeat(5000)}${']'.repeat(5000)}}`, 'application/json'],
  [
    'a huge array',
    JSON.stringify({ items: Array.from({ length: 100_000 }, (_, i) => i) }),
    'application/json',
  ],
  [
    'prototype keys',
    '{"__proto__":{"role":"admin"},"constructor":{"prototype":{"x":1}}}',
    'application/json',
  ],
  [
    'invalid UTF-8',
    Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    'application/json',
  ],
  [
    'multipart garbage',
    Buffer.from('--x\r\nContent-Disposition: form-data; name="file"\r\n\r\n\x00\x01'),
    'multipart/form-data; boundary=x',
  ],
];

const MORE_HOSTILE_QUERIES = [
  '?__proto__[role]=admin&constructor[prototype][x]=1',
  `?${'a'.repeat(50)}[${'b'.repeat(50)}]=${'c'.repeat(5000)}`,
  '?filter[price][gte]=%FF%FE&page=%00',
];

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

  it('gives every operation a unique, readable id and files the requirement aliases apart', () => {
    const ids = operations.map((operation) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^[a-z][A-Za-z0-9]*$/.test(id))).toEqual([]);
    for (const operation of operations.filter((op) => /ViaAlias\d+$/.test(op.operationId))) {
      expect([operation.path, operation.tags]).toEqual([operation.path, ['requirement aliases']]);
    }
    expect(ids).toEqual(expect.arrayContaining(['listProducts', 'login', 'getProduct']));
  });

  it('answers 200 to the documented example of every list route, sent as OpenAPI says', async () => {
    const admin = bearer(await adminToken(suite.testApp.http));
    const lists = operations.filter(
      (operation) =>
        operation.method === 'get' && operation.parameters?.some((p) => p.name === 'page'),
    );
    expect(lists.length).toBeGreaterThanOrEqual(6);
    const refused: string[] = [];
    for (const { path, parameters = [] } of lists) {
      const query = parameters
        .filter((parameter) => parameter.in === 'query' && parameter.example !== undefined)
        .map(
          (parameter) =>
            `${encodeURIComponent(parameter.name)}=${encodeURIComponent(String(parameter.example))}`,
        )
        .join('&');
      for (const concrete of concretePaths(path).slice(0, 1)) {
        const response = await suite.testApp.http
          .get(`${concrete}?${query}`)
          .set('Authorization', admin);
        const expected = concrete.includes('0000-4000') ? 404 : 200;
        if (response.status !== expected) refused.push(`${path}?${query}: ${response.status}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it(
    'never answers more hostile shapes with a 5xx, and always with the request id',
    async () => {
      const admin = bearer(await adminToken(suite.testApp.http));
      const failures: string[] = [];
      for (const { method, path: template } of operations) {
        const path = concretePaths(template)[0];
        const attempts =
          method === 'get'
            ? MORE_HOSTILE_QUERIES.map((query) => suite.testApp.http.get(`${path}${query}`))
            : MORE_HOSTILE_BODIES.map(([, body, contentType]) =>
                suite.testApp.http[method](path).set('Content-Type', contentType).send(body),
              );
        for (const attempt of attempts) {
          const response = await attempt.set('Authorization', admin);
          const error = response.body?.error;
          const shaped =
            response.status < 400 ||
            (typeof error?.code === 'string' &&
              isErrorCode(error.code) &&
              error.requestId === response.headers['x-request-id']);
          if (response.status >= 500 || !shaped) {
            failures.push(`${method.toUpperCase()} ${path}: ${response.status}`);
          }
        }
      }
      expect(failures).toEqual([]);
    },
    HOSTILE_TIMEOUT_MS,
  );

  it(
    'never answers hostile input with a 5xx, always in the error shape, with catalogued codes',
    async () => {
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
              const shaped =
                response.status < 400 || (typeof code === 'string' && isErrorCode(code));
              if (response.status >= 500 || !shaped) {
                failures.push(`${method.toUpperCase()} ${path} with ${label}: ${response.status}`);
              }
            }
          }
        }
      }
      expect(failures).toEqual([]);
    },
    HOSTILE_TIMEOUT_MS,
  );
});
