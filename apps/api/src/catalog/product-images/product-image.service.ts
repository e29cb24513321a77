import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { NotFoundError, parseListQuery, toPage } from '@kassa/common';
import { TransactionRunner } from '@kassa/database';
import { AuthUser } from '../../auth/auth-user';
import { catalogConfig, CatalogConfig } from '../../config/catalog.config';
import { ProductQueryService } from '../products/product-query.service';
import { ProductRepository } from '../products/product.repository';
import { ProductImageResponseDto } from './dto/product-image-response.dto';
import { detectImageType, ImageContentType } from './image-type';
import { UnsupportedMediaTypeError } from './image-upload-errors';
import { UploadedFile } from './multipart-image';
import { PRODUCT_IMAGE_LIST_SPEC } from './product-image-list';
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
   * product; if the product was archived meanwhile, the stored image is removed again.
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
      throw new NotFoundError('Product', productId);
    }
    return toImageResponse(image);
  }

  async list(productId: string, rawQuery: Record<string, unknown>, viewer: AuthUser | undefined) {
    const query = parseListQuery(rawQuery, PRODUCT_IMAGE_LIST_SPEC);
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
    await this.transactions.run(async (session) => {
      if (!(await this.store.deleteOne(productId, imageId, session))) {
        throw new NotFoundError('Image', imageId);
      }
      await this.products.adjustImageCount(productId, -1, session);
    });
  }

  private async requireLiveProduct(productId: string): Promise<void> {
    const product = await this.products.findById(productId);
    if (!product || product.archived) {
      throw new NotFoundError('Product', productId);
    }
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
