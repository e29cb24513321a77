import { NamedEntryResponseDto } from '../../shared/named-entry.response';
import { PageResponseDto } from '../../../http/page-response.dto';

export class CategoryResponseDto extends NamedEntryResponseDto {}

export class CategoryPageDto extends PageResponseDto(CategoryResponseDto) {}
