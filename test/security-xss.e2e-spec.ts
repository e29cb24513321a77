import { bearer, loginAs, useTestApp } from './support/auth';
import { exampleBody, fillPath, OpenApiDocument, Operation, operationsOf } from './support/openapi';
import { createResource, resourceKindOf } from './support/route-resources';

/** Markup a page would run if it inserted the text as HTML. */
const MARKUP = '<script>alert("x")</script><img src=x onerror=alert(1)>';

/**
 * Free-text-typed fields that are not prose: identifiers and secrets with rules of their own
 * (a username's alphabet refuses markup outright; emails, codes, prices and currencies are
 * validated by format; passwords and tokens are never returned). Every other free-text field of
 * a documented body is prose, and must take markup and give it back exactly.
 */
const NOT_PROSE = new Set([
  'username',
  'email',
  'password',
  'currentPassword',
  'newPassword',
  'refreshToken',
  'code',
  'price',
  'amount',
  'minimumSubtotal',
  'currency',
]);

type Schema = Record<string, any>;

/** Top-level free-text fields of an operation's JSON body: strings with no format, enum or pattern. */
function freeTextFields(operation: Operation, document: OpenApiDocument): string[] {
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  const ref: string | undefined = schema?.$ref;
  const resolved: Schema = ref ? (document.components?.schemas?.[ref.split('/').pop()!] ?? {}) : {};
  return Object.entries<Schema>(resolved.properties ?? {})
    .filter(([, property]) => property.type === 'string')
    .filter(([, property]) => !property.format && !property.enum && !property.pattern)
    .map(([name]) => name);
}

function stringValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringValues);
}

/**
 * User text and script injection, decided once: text is stored exactly as written, markup
 * included, and only ever answered as JSON (`application/json`, `X-Content-Type-Options:
 * nosniff`, a `default-src 'self'` content security policy), so no browser runs it; clients
 * render it as text. Checked on every free-text field of every documented body, and on chat
 * messages.
 */
describe('user text is data, never markup (e2e)', () => {
  const suite = useTestApp();
  let document: OpenApiDocument;
  let operations: Operation[];

  beforeAll(async () => {
    document = (await suite.testApp.http.get('/docs-json').expect(200)).body;
    operations = operationsOf(document);
  });

  function expectJsonAnswer(response: { status: number; headers: Record<string, string> }) {
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    if (response.status !== 204 && response.status !== 304) {
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    }
  }

  /** The documented example body, with real references and `text` in `field`. */
  async function bodyFor(
    operation: Operation,
    values: Record<string, string>,
    field: string,
    text: string,
  ) {
    const body = { ...(exampleBody(operation, document) as Record<string, unknown>) };
    if ('items' in body) body.items = await returnableItems(values.id);
    if (/^\/orders?\/\{id\}$/.test(operation.path)) delete body.status;
    if ('brandId' in body) body.brandId = (await suite.factory.brand()).id;
    if ('categoryId' in body) body.categoryId = (await suite.factory.category()).id;
    if (body.type === 'percent') delete body.amount;
    if ('targetIds' in body) {
      body.target = 'product';
      body.targetIds = [(await suite.factory.product()).id];
    }
    return { ...body, [field]: text };
  }

  /** One unit of the first line of an order: what a return of it may ask for. */
  async function returnableItems(orderId: string) {
    const order = await suite.testApp.connection
      .collection<{ _id: string; lines: { productId: string }[] }>('orders')
      .findOne({ _id: orderId });
    return [{ productId: order!.lines[0].productId, quantity: 1 }];
  }

  it('keeps markup in every prose field as text, answered as JSON', async () => {
    const { factory, testApp } = suite;
    const prose: string[] = [];
    for (const operation of operations) {
      for (const field of freeTextFields(operation, document)) {
        const owner = await factory.customer();
        const role = ['admin', 'customer'].find((name) => operation.roles.includes(name));
        const account = role === 'admin' ? await factory.admin() : owner;
        const { accessToken } = await loginAs(testApp.http, account.username, account.password);
        const kind = resourceKindOf(operation.path);
        const values = kind ? await createResource(suite, kind.name, owner) : {};
        const text = `${MARKUP} ${prose.length}-${Date.now()}`;
        const response = await testApp.http[operation.method](fillPath(operation.path, values))
          .set('Authorization', bearer(accessToken))
          .send(await bodyFor(operation, values, field, text));
        const route = `${operation.method.toUpperCase()} ${operation.path} ${field}`;
        expect([route, response.status < 500]).toEqual([route, true]);
        expectJsonAnswer(response);
        const echoed = stringValues(response.body).filter((value) => value.includes('<'));
        expect([route, echoed.filter((value) => value !== text)]).toEqual([route, []]);
        if (NOT_PROSE.has(field)) continue;
        prose.push(route);
        expect([route, response.status, echoed]).toEqual([route, expect.any(Number), [text]]);
        expect([route, response.status < 300]).toEqual([route, true]);
      }
    }
    expect(prose.length).toBeGreaterThanOrEqual(20);
  }, 120_000);

  it('returns chat subjects and messages exactly as written, as JSON', async () => {
    const { factory, testApp } = suite;
    const owner = await factory.customer();
    const { id } = await factory.supportConversation(owner.id, MARKUP);
    const { accessToken } = await loginAs(testApp.http, owner.username, owner.password);
    const messages = await testApp.http
      .get(`/support/conversations/${id}/messages`)
      .set('Authorization', bearer(accessToken))
      .expect(200);
    expectJsonAnswer(messages);
    expect(messages.body.items[0].text).toBe(MARKUP);
    expect(messages.text).toContain(JSON.stringify(MARKUP));
  });

  it('answers refusals as JSON too, without echoing the markup as HTML', async () => {
    const response = await suite.testApp.http
      .post('/brands')
      .set('Authorization', suite.admin)
      .send({ name: MARKUP, [MARKUP]: 1 })
      .expect(400);
    expectJsonAnswer(response);
  });
});
