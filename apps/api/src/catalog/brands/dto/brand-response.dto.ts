import { NamedEntryResponseDto } from '../../shared/named-entry.response';
import { PageResponseDto } from '../../../http/page-response.dto';

export class BrandResponseDto extends NamedEntryResponseDto {}

export class BrandPageDto extends PageResponseDto(BrandResponseDto) {}
