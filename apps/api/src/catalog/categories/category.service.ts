import { Injectable } from '@nestjs/common';
import { NamedEntryService } from '../shared/named-entry.service';
import { CategoryRepository } from './category.repository';

@Injectable()
export class CategoryService extends NamedEntryService {
  constructor(repository: CategoryRepository) {
    super(repository, 'Category');
  }
}
