import { Injectable } from '@nestjs/common';
import { NamedEntryService } from '../shared/named-entry.service';
import { BrandRepository } from './brand.repository';

@Injectable()
export class BrandService extends NamedEntryService {
  constructor(repository: BrandRepository) {
    super(repository, 'Brand');
  }
}
