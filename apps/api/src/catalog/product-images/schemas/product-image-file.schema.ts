import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { IMAGE_CONTENT_TYPES, ImageContentType } from '../image-type';

export const PRODUCT_IMAGE_BUCKET = 'product_images';

@Schema({ _id: false })
export class ProductImageMetadata {
  @Prop({ required: true })
  productId: string;

  /** The type the bytes were recognised as (never the client's claim). */
  @Prop({ type: String, enum: IMAGE_CONTENT_TYPES, required: true })
  contentType: ImageContentType;

  /** Hex SHA-256 of the content: the image's ETag. */
  @Prop({ required: true })
  sha256: string;
}

const ProductImageMetadataSchema = SchemaFactory.createForClass(ProductImageMetadata);

/**
 * A GridFS file document of the product image bucket, as the driver's `GridFSBucket` writes it;
 * mapped here for listing and for transactional deletes next to the chunks.
 */
@Schema({ collection: `${PRODUCT_IMAGE_BUCKET}.files`, versionKey: false, strict: false })
export class ProductImageFile {
  @Prop({ type: String })
  _id: string;

  @Prop({ required: true })
  length: number;

  @Prop({ required: true })
  chunkSize: number;

  @Prop({ required: true })
  uploadDate: Date;

  @Prop({ required: true })
  filename: string;

  @Prop({ type: ProductImageMetadataSchema, required: true })
  metadata: ProductImageMetadata;
}

export type ProductImageFileDocument = HydratedDocument<ProductImageFile>;
export const ProductImageFileSchema = SchemaFactory.createForClass(ProductImageFile);

/** The driver's own GridFS index, declared so index synchronisation keeps it. */
ProductImageFileSchema.index({ filename: 1, uploadDate: 1 });
ProductImageFileSchema.index({ 'metadata.productId': 1, uploadDate: 1, _id: 1 });
ProductImageFileSchema.index({ 'metadata.productId': 1, length: 1, _id: 1 });

/** A GridFS chunk of the product image bucket (only deleted through this model). */
@Schema({ collection: `${PRODUCT_IMAGE_BUCKET}.chunks`, versionKey: false, strict: false })
export class ProductImageChunk {
  @Prop({ type: String })
  files_id: string;

  @Prop({ required: true })
  n: number;
}

export const ProductImageChunkSchema = SchemaFactory.createForClass(ProductImageChunk);

/** The driver's own GridFS index: one chunk per file and position. */
ProductImageChunkSchema.index({ files_id: 1, n: 1 }, { unique: true });
