import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { BrandController } from './brands/brand.controller';
import { BrandRepository } from './brands/brand.repository';
import { BrandService } from './brands/brand.service';
import { Brand, BrandSchema } from './brands/schemas/brand.schema';
import { CategoryController } from './categories/category.controller';
import { CategoryRepository } from './categories/category.repository';
import { CategoryService } from './categories/category.service';
import { Category, CategorySchema } from './categories/schemas/category.schema';
import { ProductImageController } from './product-images/product-image.controller';
import { ProductImageService } from './product-images/product-image.service';
import { ProductImageStore } from './product-images/product-image.store';
import {
  ProductImageChunk,
  ProductImageChunkSchema,
  ProductImageFile,
  ProductImageFileSchema,
} from './product-images/schemas/product-image-file.schema';
import { PriceHistoryRepository } from './products/price-history.repository';
import { ProductController } from './products/product.controller';
import { ProductQueryService } from './products/product-query.service';
import { ProductRepository } from './products/product.repository';
import { ProductService } from './products/product.service';
import {
  PriceHistoryEntry,
  PriceHistoryEntrySchema,
} from './products/schemas/price-history-entry.schema';
import { Product, ProductSchema } from './products/schemas/product.schema';

/** Brands, categories, products, their price history and images. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: Brand.name, schema: BrandSchema },
      { name: Category.name, schema: CategorySchema },
      { name: Product.name, schema: ProductSchema },
      { name: PriceHistoryEntry.name, schema: PriceHistoryEntrySchema },
      { name: ProductImageFile.name, schema: ProductImageFileSchema },
      { name: ProductImageChunk.name, schema: ProductImageChunkSchema },
    ]),
  ],
  controllers: [BrandController, CategoryController, ProductController, ProductImageController],
  providers: [
    BrandRepository,
    BrandService,
    CategoryRepository,
    CategoryService,
    ProductRepository,
    PriceHistoryRepository,
    ProductQueryService,
    ProductService,
    ProductImageStore,
    ProductImageService,
  ],
  exports: [ProductRepository, ProductQueryService, ProductService, MongooseModule],
})
export class CatalogModule {}
