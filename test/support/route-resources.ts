import { randomBytes } from 'node:crypto';
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
  /** True when every caller has their own (a line of their cart): it is made for each caller. */
  perCaller?: boolean;
}

export const RESOURCE_KINDS: readonly ResourceKind[] = [
  { name: 'user', pattern: /^\/users?\/\{id\}$/, ownedByCustomer: false },
  { name: 'brand', pattern: /^\/brands\/\{id\}$/, ownedByCustomer: false },
  { name: 'category', pattern: /^\/categor(y|ies)\/\{id\}$/, ownedByCustomer: false },
  { name: 'image', pattern: /^\/products\/\{id\}\/images\/\{imageId\}$/, ownedByCustomer: false },
  { name: 'product', pattern: /^\/products?\/\{id\}(\/[\w-]+)?$/, ownedByCustomer: false },
  { name: 'discount', pattern: /^\/discounts\/\{id\}$/, ownedByCustomer: false },
  { name: 'promo code', pattern: /^\/promo-codes\/\{id\}$/, ownedByCustomer: false },
  {
    name: 'cart line',
    pattern: /^\/cart(\/items)?\/\{productId\}$/,
    ownedByCustomer: false,
    perCaller: true,
  },
  {
    name: 'order',
    pattern: /^\/orders?\/\{id\}(\/(cancel|pay|returns?|return_status))?$/,
    ownedByCustomer: true,
  },
  { name: 'payment', pattern: /^\/payments\/\{id\}(\/[\w-]+)?$/, ownedByCustomer: true },
  { name: 'return', pattern: /^\/returns\/\{id\}(\/[\w-]+)?$/, ownedByCustomer: true },
  {
    name: 'conversation',
    pattern: /^\/support\/conversations\/\{id\}(\/[\w-]+)?$/,
    ownedByCustomer: true,
  },
];

/** Fresh path values of a resource of `kind`, owned by `owner` (the caller for per-caller kinds). */
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
    case 'discount':
      return { id: await createByAdmin(suite, '/discounts', await discount(suite)) };
    case 'promo code':
      return { id: await createByAdmin(suite, '/promo-codes', promoCode()) };
    case 'cart line': {
      const product = await factory.product({ stock: 50 });
      await factory.cartLine(owner.id, product.id);
      return { productId: product.id };
    }
    case 'order':
      return { id: (await factory.paidOrder(owner.id, 2)).id };
    case 'payment':
      return { id: (await factory.paymentRecord(owner.id)).id };
    case 'return':
      return { id: (await factory.returnRequest(owner.id)).id };
    case 'conversation':
      return { id: (await factory.supportConversation(owner.id)).id };
    default:
      throw new Error(`No resource of kind ${kind}`);
  }
}

async function discount(suite: TestSuite) {
  const product = await suite.factory.product();
  return {
    name: 'Matrix sale',
    type: 'percent',
    percent: 10,
    target: 'product',
    targetIds: [product.id],
  };
}

function promoCode() {
  return {
    code: `MATRIX${randomBytes(4).toString('hex').toUpperCase()}`,
    type: 'fixed',
    amount: '1.00',
  };
}

async function createByAdmin(suite: TestSuite, path: string, body: object): Promise<string> {
  const created = await suite.testApp.http
    .post(path)
    .set('Authorization', suite.admin)
    .send(body)
    .expect(201);
  return created.body.id as string;
}

/** The kind of resource a path template names, if it names one. */
export function resourceKindOf(path: string): ResourceKind | undefined {
  return RESOURCE_KINDS.find(({ pattern }) => pattern.test(path));
}
