import { TestApp } from './support';
import { useTestApp } from './support/auth';
import { createBrand, createCategory, createProduct } from './factories/catalog.factory';

interface ListBody {
  items: { id: string; model: string }[];
  page: number;
  limit: number;
  total: number;
  totalPages: number;
}

const PRACTICE_AMPS = 25;

describe('product lists ranked by relevance (e2e)', () => {
  const suite = useTestApp();
  let testApp: TestApp;
  let admin: string;

  const list = async (query: string, authorization?: string) => {
    const request = testApp.http.get(`/products?${query}`);
    if (authorization) request.set('Authorization', authorization);
    return (await request.expect(200)).body as ListBody;
  };
  const models = (body: ListBody) => body.items.map((item) => item.model);

  beforeAll(async () => {
    ({ testApp, admin } = suite);
    const refs = {
      brandId: (await createBrand(testApp.http, admin)).id,
      categoryId: (await createCategory(testApp.http, admin)).id,
    };
    const rows: [model: string, description: string, price: string, active: boolean][] = [
      ['Jazz Bass', 'Four strings under a three-tone sunburst finish', '1200', true],
      ['Sunburst Telecaster', 'Ash body and maple neck', '1400', true],
      ['Sunburst Prototype', 'Never released', '900', false],
      ['Running Shoes', 'For long walks to the studio', '80', true],
      ['Amp stand', 'Tilts a combo back', '40', true],
      ...Array.from(
        { length: PRACTICE_AMPS },
        (_, i) =>
          [`Practice amp ${String(i + 1).padStart(2, '0')}`, 'Small and loud', '99', true] as [
            string,
            string,
            string,
            boolean,
          ],
      ),
    ];
    for (const [model, description, price, active] of rows)
      await createProduct(testApp.http, admin, refs, { model, description, price, active });
  });

  it('ranks a product whose model matches above one where only the description does', async () => {
    const body = await list('search=sunburst&sort=relevance');
    expect(models(body)).toEqual(['Sunburst Telecaster', 'Jazz Bass']);
    expect(body.items[0]).not.toHaveProperty('score');
    expect(Object.keys(body.items[0]).sort()).toEqual(
      Object.keys((await list('search=Telecaster')).items[0]).sort(),
    );
  });

  it('searches words with stemming, where the substring search finds nothing', async () => {
    expect(models(await list('search=runs&sort=relevance'))).toEqual(['Running Shoes']);
    expect((await list('search=runs')).total).toBe(0);
  });

  it('takes phrases and exclusions, filters and the caller visibility as other lists do', async () => {
    expect(models(await list('search=sunburst%20-bass&sort=relevance'))).toEqual([
      'Sunburst Telecaster',
    ]);
    expect(models(await list('search=%22maple%20neck%22&sort=relevance'))).toEqual([
      'Sunburst Telecaster',
    ]);
    expect(models(await list('search=sunburst&sort=relevance&filter[price][lte]=1300'))).toEqual([
      'Jazz Bass',
    ]);
    expect(models(await list('search=sunburst&sort=relevance', admin))).toEqual([
      'Sunburst Prototype',
      'Sunburst Telecaster',
      'Jazz Bass',
    ]);
  });

  it('pages a ranked list with correct totals, ties in model order', async () => {
    const pages = [1, 2, 3].map((page) => list(`search=amp&sort=relevance&limit=10&page=${page}`));
    const [first, second, third] = await Promise.all(pages);
    for (const body of [first, second, third])
      expect(body).toMatchObject({ total: PRACTICE_AMPS + 1, totalPages: 3, limit: 10 });
    expect(models(first)[0]).toBe('Amp stand');
    const practiceAmps = [...models(first).slice(1), ...models(second), ...models(third)];
    expect(practiceAmps).toEqual(
      Array.from(
        { length: PRACTICE_AMPS },
        (_, i) => `Practice amp ${String(i + 1).padStart(2, '0')}`,
      ),
    );
    expect(third.items).toHaveLength(6);
  });

  it.each(['sort=relevance', 'sort=relevance&search=%20', 'search=amp&sort=relevance,-price'])(
    'refuses %s with 400 in the error shape',
    async (query) => {
      const response = await testApp.http.get(`/products?${query}`).expect(400);
      expect(response.body.error).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'sort', message: expect.stringContaining('relevance') }],
      });
    },
  );
});
