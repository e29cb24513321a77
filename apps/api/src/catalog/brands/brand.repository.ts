import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { CatalogConfig, catalogConfig } from '../../config/catalog.config';
import { NamedEntry } from '../shared/named-entry';
import { NamedEntryRepository } from '../shared/named-entry.repository';
import { Brand } from './schemas/brand.schema';

@Injectable()
export class BrandRepository extends NamedEntryRepository {
  constructor(
    @InjectModel(Brand.name) model: Model<NamedEntry>,
    @Inject(catalogConfig.KEY) config: CatalogConfig,
  ) {
    super(model, 'Brand', config.nameCacheMs);
  }
}
