import { trusted } from 'mongoose';
import { FactoryAccount } from './factories/records.factory';
import { bearer, loginAs, useTestApp } from './support/auth';
import { exampleBody, fillPath, OpenApiDocument, Operation, operationsOf } from './support/openapi';
import { createResource, resourceKindOf } from './support/route-resources';

const OPERATOR_VALUES: [label: string, value: unknown][] = [
  ['{"$gt": ""}', { $gt: '' }],
  ['{"$ne": null}', { $ne: null }],
  ['{"$regex": ".*"}', { $regex: '.*' }],
];

/** Every path of a JSON value to a leaf, `['card', 'number']`, objects followed 3 deep. */
function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || prefix.length > 3) {
    return prefix.length > 0 ? [prefix] : [];
  }
  return Object.entries(value).flatMap(([key, child]) => leafPaths(child, [...prefix, key]));
}

function withValueAt(body: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[path[path.length - 1]] = value;
  return copy;
}

/**
 * Query selector injection: an operator object sent for any field of any route is refused with
 * 400 before it reaches a query (validation and the list whitelist), and Mongoose's global
 * `sanitizeFilter` would neutralise one that slipped through. The routes and their fields come
 * from `/docs-json`, so routes added later are covered too.
 */
describe('operator injection through every field (e2e)', () => {
  const suite = useTestApp();
  let document: OpenApiDocument;
  let operations: Operation[];

  beforeAll(async () => {
    document = (await suite.testApp.http.get('/docs-json').expect(200)).body;
    operations = operationsOf(document);
  });

  /** A caller the operation admits (`x-roles`), and a real resource for its path. */
  async function admittedCall(operation: Operation) {
    const { factory, testApp } = suite;
    const owner: FactoryAccount = await factory.customer();
    const role = ['admin', 'support', 'customer'].find((name) => operation.roles.includes(name));
    const account =
      role === 'admin'
        ? await factory.admin()
        : role === 'support'
          ? await factory.support()
          : owner;
    const { accessToken } = await loginAs(testApp.http, account.username, account.password);
    const kind = resourceKindOf(operation.path);
    const values = kind ? await createResource(suite, kind.name, owner) : {};
    return { path: fillPath(operation.path, values), authorization: bearer(accessToken) };
  }

  it('refuses an operator in every body field with 400 VALIDATION_FAILED', async () => {
    const accepted: string[] = [];
    let tried = 0;
    for (const operation of operations) {
      const example = exampleBody(operation, document);
      for (const field of leafPaths(example)) {
        for (const [label, value] of OPERATOR_VALUES) {
          const { path, authorization } = await admittedCall(operation);
          const response = await suite.testApp.http[operation.method](path)
            .set('Authorization', authorization)
            .send(withValueAt(example, field, value) as object);
          tried += 1;
          if (response.status !== 400 || response.body.error?.code !== 'VALIDATION_FAILED') {
            accepted.push(
              `${operation.method} ${operation.path} ${field.join('.')}=${label}: ${response.status}`,
            );
          }
        }
      }
    }
    expect(accepted).toEqual([]);
    expect(tried).toBeGreaterThan(60);
  }, 120_000);

  it('refuses an operator in every query parameter with 400 VALIDATION_FAILED', async () => {
    const accepted: string[] = [];
    let tried = 0;
    for (const operation of operations) {
      for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
        const { path, authorization } = await admittedCall(operation);
        for (const operator of ['$gt', '$ne', '$regex', '$where']) {
          const query = `${parameter.name}[${operator}]=x`;
          const response = await suite.testApp.http[operation.method](`${path}?${query}`).set(
            'Authorization',
            authorization,
          );
          tried += 1;
          if (response.status !== 400 || response.body.error?.code !== 'VALIDATION_FAILED') {
            accepted.push(`${operation.method} ${operation.path}?${query}: ${response.status}`);
          }
        }
      }
    }
    expect(accepted).toEqual([]);
    expect(tried).toBeGreaterThan(100);
  }, 120_000);

  it('matches nothing when an operator object reaches a Mongoose filter anyway', async () => {
    const users = suite.testApp.connection.models.User;
    expect(await users.findOne({ username: trusted({ $gt: '' }) }).lean()).not.toBeNull();
    for (const [, value] of OPERATOR_VALUES) {
      await expect(users.findOne({ username: value }).lean()).rejects.toThrow(
        /Cast to string failed/,
      );
      await expect(users.countDocuments({ role: 'admin', usernameLower: value })).rejects.toThrow(
        /Cast to string failed/,
      );
    }
    await expect(users.findOne({ $where: 'true' })).rejects.toThrow(
      '$where is not allowed with sanitizeFilter',
    );
  });
});
