import { Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { NamedEntryFields, withNamedEntryIndexes } from '../../shared/named-entry.schema';

@Schema({ collection: 'brands', timestamps: true, versionKey: false })
export class Brand extends NamedEntryFields {}

export type BrandDocument = HydratedDocument<Brand>;
export const BrandSchema = withNamedEntryIndexes(SchemaFactory.createForClass(Brand));
