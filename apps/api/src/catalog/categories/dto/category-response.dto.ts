import { NamedEntryResponseDto } from '../../shared/named-entry.response';
import { PageResponseDto } from '../../shared/page-response.dto';

export class CategoryResponseDto extends NamedEntryResponseDto {}

export class CategoryPageDto extends PageResponseDto(CategoryResponseDto) {}
