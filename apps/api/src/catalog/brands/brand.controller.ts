import { namedEntryController } from '../shared/named-entry.controller';
import { BrandService } from './brand.service';

/** `/brands`: public reads, admin writes. */
export class BrandController extends namedEntryController({
  resource: 'Brand',
  path: 'brands',
  aliases: [],
  service: BrandService,
}) {}
