import { gifImage } from '../factories/image.factory';
import { FactoryAccount } from '../factories/records.factory';
import { TestSuite } from './auth';

/** The resources route templates name in their paths, for specs that call every route. */
export interface ResourceKind {
  name: string;
  /** The path templates whose parameters this kind fills. */
  pattern: RegExp;
  /** True when one customer owns it: the routes on it must say `x-owned-by: customer`. */
  ownedByCustomer: boolean;
}

export const RESOURCE_KINDS: readonly ResourceKind[] = [
  { name: 'user', pattern: /^\/users?\/\{id\}$/, ownedByCustomer: false },
  { name: 'brand', pattern: /^\/brands\/\{id\}$/, ownedByCustomer: false },
  { name: 'category', pattern: /^\/categor(y|ies)\/\{id\}$/, ownedByCustomer: false },
  { name: 'image', pattern: /^\/products\/\{id\}\/images\/\{imageId\}$/, ownedByCustomer: false },
  { name: 'product', pattern: /^\/products?\/\{id\}(\/[\w-]+)?$/, ownedByCustomer: false },
  {
    name: 'conversation',
    pattern: /^\/support\/conversations\/\{id\}(\/[\w-]+)?$/,
    ownedByCustomer: true,
  },
];

/** Fresh path values of a resource of `kind`, owned by `owner` where that applies. */
export async function createResource(
  suite: TestSuite,
  kind: string,
  owner: FactoryAccount,
): Promise<Record<string, string>> {
  const { factory, testApp, admin } = suite;
  switch (kind) {
    case 'user':
      return { id: (await factory.customer()).id };
    case 'brand':
      return { id: (await factory.brand()).id };
    case 'category':
      return { id: (await factory.category()).id };
    case 'product':
      return { id: (await factory.product()).id };
    case 'image': {
      const product = await factory.product();
      const upload = await testApp.http
        .post(`/products/${product.id}/images`)
        .set('Authorization', admin)
        .attach('file', gifImage(), 'pixel.gif')
        .expect(201);
      return { id: product.id, imageId: upload.body.id as string };
    }
    case 'conversation':
      return { id: (await factory.supportConversation(owner.id)).id };
    default:
      throw new Error(`No resource of kind ${kind}`);
  }
}

/** The kind of resource a path template names, if it names one. */
export function resourceKindOf(path: string): ResourceKind | undefined {
  return RESOURCE_KINDS.find(({ pattern }) => pattern.test(path));
}
