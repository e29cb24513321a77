import { AlreadyExistsError } from '@kassa/common';
import { BrandRepository } from '../../apps/api/src/catalog/brands/brand.repository';
import { CatalogModule } from '../../apps/api/src/catalog/catalog.module';
import { ProductRepository } from '../../apps/api/src/catalog/products/product.repository';
import { overlapping, useMediumContext } from './support/medium-context';

describe('catalog repositories (medium)', () => {
  const context = useMediumContext([CatalogModule]);

  describe('brands and categories', () => {
    it('deletes an entry only while no product counts on it', async () => {
      const brands = context.get(BrandRepository);
      const product = await context.factory.product();
      expect(await brands.deleteUnused(product.brandId)).toBe(false);
      expect(await brands.adjustProductCount(product.brandId, -1)).toMatchObject({
        productCount: 0,
      });
      expect(await brands.deleteUnused(product.brandId)).toBe(true);
    });

    it('counts every concurrent adjustment', async () => {
      const brands = context.get(BrandRepository);
      const brand = await context.factory.brand();
      await overlapping(20, () => brands.adjustProductCount(brand.id, 1));
      expect((await brands.findById(brand.id))?.productCount).toBe(20);
    });

    it('lets one of two names that differ only in case win', async () => {
      const brands = context.get(BrandRepository);
      const { results } = await overlapping(2, (index) =>
        brands.create(index === 0 ? 'Twin Peaks' : 'twin peaks'),
      );
      const refused = results.filter(
        (result) => result.status === 'rejected' && result.reason instanceof AlreadyExistsError,
      );
      expect(refused).toHaveLength(1);
    });
  });

  describe(ProductRepository.name, () => {
    it('archives a product once, however many archives race', async () => {
      const products = context.get(ProductRepository);
      const product = await context.factory.product();
      const { results } = await overlapping(5, () => products.archive(product.id));
      expect(
        results.filter((result) => result.status === 'fulfilled' && result.value),
      ).toHaveLength(1);
    });

    it('changes a product only in the expected state', async () => {
      const products = context.get(ProductRepository);
      const product = await context.factory.product({ archived: true });
      const target = { id: product.id, expected: { archived: false } };
      expect(await products.update(target, { stock: 9 }, false)).toBeNull();
    });

    it('counts images on live products only', async () => {
      const products = context.get(ProductRepository);
      const live = await context.factory.product();
      const archived = await context.factory.product({ archived: true });
      expect(await products.adjustImageCount(live.id, 1)).toBe(true);
      expect(await products.adjustImageCount(archived.id, 1)).toBe(false);
    });

    it('bumps the price version with a price change', async () => {
      const products = context.get(ProductRepository);
      const product = await context.factory.product({ priceCents: 1000 });
      const updated = await products.update(
        { id: product.id, expected: { archived: false } },
        { priceCents: 1200 },
        true,
      );
      expect(updated).toMatchObject({ priceCents: 1200, priceVersion: 2 });
    });
  });
});
