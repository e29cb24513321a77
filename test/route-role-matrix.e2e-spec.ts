import { FactoryAccount } from './factories/records.factory';
import { bearer, loginAs, useTestApp } from './support/auth';
import { createResource, RESOURCE_KINDS } from './support/route-resources';
import { exampleBody, fillPath, OpenApiDocument, Operation, operationsOf } from './support/openapi';

/**
 * The route × role matrix: every operation of `/docs-json` — routes added later included — is
 * called as each of five callers, and the status is checked against what the operation itself
 * documents, never against a hand list:
 *
 * - `x-roles` (written by `@Public()`, `@Authenticated()`, `@AdminOnly()`, `@StaffOnly()`) names
 *   who is admitted; `guest` means no token. A guest on a route without `guest` gets 401
 *   `UNAUTHENTICATED`; a signed-in caller whose role is missing gets 403 `FORBIDDEN`.
 * - `x-owned-by: customer` (written by `@CustomerOwned()`) says the path's resource belongs to
 *   one customer: its owner and the admitted staff roles reach it, another customer gets 404
 *   `NOT_FOUND`, exactly as for a resource that does not exist (no IDOR).
 * - An admitted caller never gets 401 `UNAUTHENTICATED` or 403 `FORBIDDEN` (on public routes a
 *   401 about the credentials a body carries is an answer, not a refusal), never a 5xx, never a
 *   404 for a resource it may see; an admitted `GET` answers 2xx.
 * - The ids of the owner's resources never appear in any answer to another customer, lists
 *   included (a 404 may repeat the id the caller sent).
 *
 * Every call gets fresh callers and fresh resources (a `DELETE` or a password change by one
 * caller cannot spoil the next), built by {@link RESOURCE_KINDS} from the path template; a path
 * no kind knows fails the spec until one is added. Bodies are built from the documented examples
 * (`exampleBody`), so a write route is exercised with a request it documents as valid.
 */

type Caller = 'guest' | 'customer' | 'another customer' | 'support' | 'admin';

const CALLERS: readonly Caller[] = ['guest', 'customer', 'another customer', 'support', 'admin'];

describe('the route × role matrix from /docs-json (e2e)', () => {
  const suite = useTestApp();
  let document: OpenApiDocument;
  let operations: Operation[];

  beforeAll(async () => {
    document = (await suite.testApp.http.get('/docs-json').expect(200)).body;
    operations = operationsOf(document);
  });

  async function accountOf(caller: Caller, owner: FactoryAccount) {
    const { factory } = suite;
    if (caller === 'customer') return owner;
    if (caller === 'another customer') return factory.customer();
    if (caller === 'support') return factory.support();
    if (caller === 'admin') return factory.admin();
    return undefined;
  }

  async function authorizationOf(account: FactoryAccount | undefined) {
    if (!account) return undefined;
    const { accessToken } = await loginAs(suite.testApp.http, account.username, account.password);
    return bearer(accessToken);
  }

  function problemsOf(
    operation: Operation,
    caller: Caller,
    response: { status: number; body: { error?: { code?: string } }; text?: string },
    ownedIds: string[],
    path: string,
  ): string[] {
    const role = caller === 'another customer' ? 'customer' : caller;
    const code = response.body?.error?.code;
    const got = `${response.status}${code ? ` ${code}` : ''}`;
    const problems: string[] = [];
    if (response.status >= 500) problems.push(`answered ${got}`);
    if (!operation.roles.includes(role)) {
      const expected = caller === 'guest' ? '401 UNAUTHENTICATED' : '403 FORBIDDEN';
      if (got !== expected) problems.push(`expected ${expected}, got ${got}`);
      return problems;
    }
    if (operation.ownedBy === 'customer' && caller === 'another customer') {
      if (got !== '404 NOT_FOUND') problems.push(`expected 404 NOT_FOUND (not theirs), got ${got}`);
    } else {
      const isPublic = operation.roles.includes('guest');
      if (code === 'FORBIDDEN' || (!isPublic && code === 'UNAUTHENTICATED')) {
        problems.push(`admitted caller refused: ${got}`);
      }
      if (operation.path.includes('{') && response.status === 404) {
        problems.push(`admitted caller got ${got} for a resource it may see`);
      }
      if (operation.method === 'get' && response.status >= 300 && response.status !== 304) {
        problems.push(`admitted read answered ${got}`);
      }
    }
    if (caller === 'another customer') {
      const unasked = ownedIds.filter((id) => !path.includes(id));
      const leaked = unasked.filter((id) => (response.text ?? '').includes(id));
      if (leaked.length > 0) problems.push(`leaked another customer's ${leaked.join(', ')}`);
    }
    return problems;
  }

  it('names the access of every route and knows the resources of every path', () => {
    const problems: string[] = [];
    for (const operation of operations) {
      const route = `${operation.method.toUpperCase()} ${operation.path}`;
      if (!Array.isArray(operation.roles) || operation.roles.length === 0) {
        problems.push(`${route}: no x-roles (use an access decorator)`);
      }
      if (!operation.path.includes('{')) continue;
      const kind = RESOURCE_KINDS.find(({ pattern }) => pattern.test(operation.path));
      if (!kind) problems.push(`${route}: no resource kind fills its path (add one)`);
      else if (kind.ownedByCustomer !== (operation.ownedBy === 'customer')) {
        problems.push(`${route}: a ${kind.name} is customer-owned, but x-owned-by says otherwise`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('answers every route × caller as its documented access says', async () => {
    const problems: string[] = [];
    let cells = 0;
    for (const operation of operations) {
      const kind = RESOURCE_KINDS.find(({ pattern }) => pattern.test(operation.path));
      for (const caller of CALLERS) {
        const owner = await suite.factory.customer();
        const ownedIds: string[] = [];
        for (const owned of RESOURCE_KINDS.filter((candidate) => candidate.ownedByCustomer)) {
          ownedIds.push((await createResource(suite, owned.name, owner)).id);
        }
        const account = await accountOf(caller, owner);
        const holder = kind?.perCaller ? (account ?? owner) : owner;
        const values = kind ? await createResource(suite, kind.name, holder) : {};
        if (kind?.ownedByCustomer) ownedIds.push(values.id);
        const authorization = await authorizationOf(account);
        const path = fillPath(operation.path, values);
        const request = suite.testApp.http[operation.method](path);
        if (authorization) request.set('Authorization', authorization);
        const body = exampleBody(operation, document);
        const response = await (body === undefined ? request : request.send(body as object));
        cells += 1;
        for (const problem of problemsOf(operation, caller, response, ownedIds, path)) {
          problems.push(
            `${operation.method.toUpperCase()} ${operation.path} as ${caller}: ${problem}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
    expect(cells).toBe(operations.length * CALLERS.length);
  }, 240_000);
});
