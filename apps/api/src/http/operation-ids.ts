import { OpenAPIObject } from '@nestjs/swagger';

/** How a controller's resource reads in operation ids: `listProducts`, `getProduct`. */
const RESOURCE_WORDS: Record<string, { one: string; many: string }> = {
  AuthController: { one: '', many: '' },
  MeController: { one: 'Me', many: 'Me' },
  HealthController: { one: 'Health', many: 'Health' },
  UsersController: { one: 'User', many: 'Users' },
  BrandController: { one: 'Brand', many: 'Brands' },
  CategoryController: { one: 'Category', many: 'Categories' },
  ProductController: { one: 'Product', many: 'Products' },
  ProductImageController: { one: 'ProductImage', many: 'ProductImages' },
  CartController: { one: 'Cart', many: 'Carts' },
  OutboxController: { one: 'OutboxMessage', many: 'OutboxMessages' },
  OrdersController: { one: 'Order', many: 'Orders' },
  SupportController: { one: 'SupportConversation', many: 'SupportConversations' },
  StoreInfoController: { one: 'StoreInfo', many: 'StoreInfo' },
  WalletController: { one: 'WalletPosting', many: 'WalletPostings' },
  LedgerController: { one: 'Ledger', many: 'Ledgers' },
  PaymentsController: { one: 'Payment', many: 'Payments' },
  ReturnsController: { one: 'Return', many: 'Returns' },
};

const ALIAS = /^(\w+)\[(\d+)\]$/;

/** Handler names that are bare verbs take the resource (`get` → `getProduct`); others stand. */
const BARE_VERBS = new Set([
  'create',
  'get',
  'replace',
  'patch',
  'update',
  'delete',
  'archive',
  'upload',
  'download',
  'check',
]);

function wordsOf(controllerKey: string) {
  const resource = controllerKey.replace(/Controller$/, '');
  return RESOURCE_WORDS[controllerKey] ?? { one: resource, many: `${resource}s` };
}

/**
 * Stable, readable operation ids for generated clients: a bare verb with the resource
 * (`listProducts`, `getProduct`), else the handler's own name (`login`, `changePassword`). A handler served on several paths (the requirement's
 * route names) gets its id on the first, canonical path, and `…ViaAlias1`, `…ViaAlias2` on the
 * others.
 */
export function operationIdOf(controllerKey: string, methodKey: string): string {
  const alias = ALIAS.exec(methodKey);
  const method = alias ? alias[1] : methodKey;
  const words = wordsOf(controllerKey);
  const id =
    method === 'list'
      ? `list${words.many}`
      : BARE_VERBS.has(method)
        ? `${method}${words.one}`
        : method;
  return alias && alias[2] !== '0' ? `${id}ViaAlias${alias[2]}` : id;
}

export const ALIAS_TAG = 'requirement aliases';

/**
 * Groups the requirement's route names under their own tag and says which canonical route each
 * one is, so they no longer interleave with the canonical routes.
 */
export function tagAliases(document: OpenAPIObject): OpenAPIObject {
  const canonical = new Map<string, string>();
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation?.operationId)
        canonical.set(operation.operationId, `${method.toUpperCase()} ${path}`);
    }
  }
  for (const item of Object.values(document.paths)) {
    for (const operation of Object.values(item)) {
      const base = /^(\w+)ViaAlias\d+$/.exec(operation?.operationId ?? '')?.[1];
      if (!base) continue;
      operation.tags = [ALIAS_TAG];
      operation.summary = `${operation.summary ?? ''} (alias of ${canonical.get(base)})`.trim();
    }
  }
  return document;
}
