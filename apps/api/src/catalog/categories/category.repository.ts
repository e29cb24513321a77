import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { NamedEntry } from '../shared/named-entry';
import { NamedEntryRepository } from '../shared/named-entry.repository';
import { Category } from './schemas/category.schema';

@Injectable()
export class CategoryRepository extends NamedEntryRepository {
  constructor(@InjectModel(Category.name) model: Model<NamedEntry>) {
    super(model, 'Category');
  }
}
