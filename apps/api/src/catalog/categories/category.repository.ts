import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CatalogConfig, catalogConfig } from '../../config/catalog.config';
import { NamedEntry } from '../shared/named-entry';
import { NamedEntryRepository } from '../shared/named-entry.repository';
import { Category } from './schemas/category.schema';

@Injectable()
export class CategoryRepository extends NamedEntryRepository {
  constructor(
    @InjectModel(Category.name) model: Model<NamedEntry>,
    @Inject(catalogConfig.KEY) config: CatalogConfig,
  ) {
    super(model, 'Category', config.nameCacheMs);
  }
}
