import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import {
  ListQuery,
  NotFoundError,
  Page,
  ProductArchivedError,
  toPage,
  UnsupportedMediaTypeError,
} from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { AuthUser } from '../../access/auth-user';
import { catalogConfig, CatalogConfig } from '../../config/catalog.config';
import { ProductQueryService } from '../products/product-query.service';
import { ProductRepository } from '../products/product.repository';
import { ProductImageResponseDto } from './dto/product-image-response.dto';
import { detectImageType, ImageContentType } from './image-type';
import { UploadedFile } from './multipart-image';
import { ProductImageRecord, ProductImageStore } from './product-image.store';

/** What a download needs: the stream plus the headers that describe and cache it. */
export interface ImageDownload {
  /** Opens the content stream; not called when the client's cached copy is still current. */
  open: () => Readable;
  contentType: ImageContentType;
  length: number;
  etag: string;
  /** True when guests may see the product, so shared caches may keep the image. */
  publiclyVisible: boolean;
}

/** Product images: uploaded by admins, visible with their product. */
@Injectable()
export class ProductImageService {
  constructor(
    private readonly store: ProductImageStore,
    private readonly products: ProductRepository,
    private readonly productQueries: ProductQueryService,
    private readonly transactions: TransactionRunner,
    @Inject(catalogConfig.KEY) private readonly config: CatalogConfig,
  ) {}

  get maxImageBytes(): number {
    return this.config.imageMaxBytes;
  }

  /**
   * Stores an image whose bytes really are PNG, JPEG, WebP or GIF, then counts it on the live
   * product; an archived product takes no images (409), and if the product was archived
   * meanwhile, the stored image is removed again.
   */
  async upload(productId: string, file: UploadedFile): Promise<ProductImageResponseDto> {
    const contentType = detectImageType(file.content);
    if (!contentType) {
      throw new UnsupportedMediaTypeError('The file is not a PNG, JPEG, WebP or GIF image');
    }
    await this.requireLiveProduct(productId);
    const image = await this.store.save({
      id: randomUUID(),
      filename: file.filename,
      metadata: {
        productId,
        contentType,
        sha256: createHash('sha256').update(file.content).digest('hex'),
      },
      content: file.content,
    });
    if (!(await this.products.adjustImageCount(productId, 1))) {
      await this.store.deleteOne(productId, image._id);
      throw new ProductArchivedError(productId);
    }
    return toImageResponse(image);
  }

  async list(
    productId: string,
    query: ListQuery,
    viewer: AuthUser | undefined,
  ): Promise<Page<ProductImageResponseDto>> {
    await this.productQueries.findVisible(productId, viewer);
    const page = await this.store.list(productId, query);
    return toPage(page.items.map(toImageResponse), page.total, query);
  }

  async download(
    productId: string,
    imageId: string,
    viewer: AuthUser | undefined,
  ): Promise<ImageDownload> {
    const product = await this.productQueries.findVisible(productId, viewer);
    const image = await this.store.find(productId, imageId);
    if (!image) {
      throw new NotFoundError('Image', imageId);
    }
    return {
      open: () => this.store.openContent(image._id),
      contentType: image.metadata.contentType,
      length: image.length,
      etag: `"${image.metadata.sha256}"`,
      publiclyVisible: product.active && !product.archived,
    };
  }

  async delete(productId: string, imageId: string): Promise<void> {
    await this.transactions.run(async () => {
      await this.requireLiveProduct(productId);
      if (!(await this.store.deleteOne(productId, imageId))) {
        throw new NotFoundError('Image', imageId);
      }
      await this.products.adjustImageCount(productId, -1);
    });
  }

  private async requireLiveProduct(productId: string): Promise<void> {
    const product = await this.products.findById(productId);
    if (!product) throw new NotFoundError('Product', productId);
    if (product.archived) throw new ProductArchivedError(productId);
  }
}

function toImageResponse(image: ProductImageRecord): ProductImageResponseDto {
  return {
    id: image._id,
    productId: image.metadata.productId,
    contentType: image.metadata.contentType,
    size: image.length,
    filename: image.filename,
    sha256: image.metadata.sha256,
    url: `/products/${image.metadata.productId}/images/${image._id}`,
    createdAt: image.uploadDate.toISOString(),
  };
}
