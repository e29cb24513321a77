import { namedEntryController } from '../shared/named-entry.controller';
import { CategoryService } from './category.service';

/** `/categories`, and `/category` (the requirement's name): public reads, admin writes. */
export class CategoryController extends namedEntryController({
  resource: 'Category',
  path: 'categories',
  aliases: ['category'],
  service: CategoryService,
}) {}
