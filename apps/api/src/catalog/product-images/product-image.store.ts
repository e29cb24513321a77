import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { InjectConnection, InjectModel } from '@nestjs/mongoose';
import { ListQuery } from '@kassa/common';
import { findPage } from '@kassa/database';
import { GridFSBucket, ObjectId } from 'mongodb';
import { Connection, Model, trusted } from 'mongoose';
import {
  PRODUCT_IMAGE_BUCKET,
  ProductImageChunk,
  ProductImageFile,
  ProductImageMetadata,
} from './schemas/product-image-file.schema';

export type ProductImageRecord = ProductImageFile;

/** GridFS ids may be any BSON value; the driver's types only name ObjectId. Ours are UUID strings. */
function asGridFsId(id: string): ObjectId {
  return id as unknown as ObjectId;
}

export interface NewProductImage {
  id: string;
  filename: string;
  metadata: ProductImageMetadata;
  content: Buffer;
}

/** Product images in MongoDB GridFS: content through the driver's bucket, metadata by model. */
@Injectable()
export class ProductImageStore {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @InjectModel(ProductImageFile.name) private readonly files: Model<ProductImageFile>,
    @InjectModel(ProductImageChunk.name) private readonly chunks: Model<ProductImageChunk>,
  ) {}

  /** Writes the content in chunks, then the file document that makes it visible. */
  async save(image: NewProductImage): Promise<ProductImageRecord> {
    const upload = this.bucket().openUploadStreamWithId(asGridFsId(image.id), image.filename, {
      metadata: image.metadata,
    });
    await new Promise<void>((resolve, reject) => {
      upload.once('finish', resolve).once('error', reject);
      upload.end(image.content);
    });
    const saved = await this.find(image.metadata.productId, image.id);
    if (!saved) {
      throw new Error(`Image ${image.id} vanished right after its upload`);
    }
    return saved;
  }

  find(productId: string, imageId: string): Promise<ProductImageRecord | null> {
    return this.files
      .findOne({ _id: imageId, 'metadata.productId': productId })
      .lean<ProductImageRecord>()
      .exec();
  }

  list(productId: string, query: ListQuery) {
    return findPage<ProductImageRecord>(this.files, query, { 'metadata.productId': productId });
  }

  openContent(imageId: string): Readable {
    return this.bucket().openDownloadStream(asGridFsId(imageId));
  }

  /** Deletes one image of a product; false when the product has no such image. */
  async deleteOne(productId: string, imageId: string): Promise<boolean> {
    const result = await this.files
      .deleteOne({ _id: imageId, 'metadata.productId': productId })
      .exec();
    if (result.deletedCount === 0) {
      return false;
    }
    await this.chunks.deleteMany({ files_id: imageId }).exec();
    return true;
  }

  /** Deletes every image of a product, inside the caller's transaction. */
  async deleteAllOf(productId: string): Promise<void> {
    const images = await this.files
      .find({ 'metadata.productId': productId }, { _id: 1 })
      .lean<Pick<ProductImageRecord, '_id'>[]>()
      .exec();
    if (images.length === 0) {
      return;
    }
    const ids = images.map((image) => image._id);
    await this.files.deleteMany({ _id: trusted({ $in: ids }) }).exec();
    await this.chunks.deleteMany({ files_id: trusted({ $in: ids }) }).exec();
  }

  private bucket(): GridFSBucket {
    return new GridFSBucket(this.connection.db!, { bucketName: PRODUCT_IMAGE_BUCKET });
  }
}
