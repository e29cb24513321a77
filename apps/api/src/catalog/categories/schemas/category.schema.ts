import { Schema, SchemaFactory } from '@nestjs/mongoose';
import { HydratedDocument } from 'mongoose';
import { NamedEntryFields, withNamedEntryIndexes } from '../../shared/named-entry.schema';

@Schema({ collection: 'categories', timestamps: true, versionKey: false })
export class Category extends NamedEntryFields {}

export type CategoryDocument = HydratedDocument<Category>;
export const CategorySchema = withNamedEntryIndexes(SchemaFactory.createForClass(Category));
