import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { NamedEntry } from '../shared/named-entry';
import { NamedEntryRepository } from '../shared/named-entry.repository';
import { Brand } from './schemas/brand.schema';

@Injectable()
export class BrandRepository extends NamedEntryRepository {
  constructor(@InjectModel(Brand.name) model: Model<NamedEntry>) {
    super(model, 'Brand');
  }
}
