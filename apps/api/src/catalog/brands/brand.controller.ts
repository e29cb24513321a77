import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '../../auth/decorators/public.decorator';
import { Roles } from '../../auth/decorators/roles.decorator';
import { ApiErrors } from '../../http/api-errors.decorator';
import { Role } from '../../users/role';
import { ApiListQuery } from '../../http/api-list-query.decorator';
import { CATALOG_ERRORS as E } from '../shared/catalog-api-errors';
import { NamedEntryDto, PatchNamedEntryDto } from '../shared/named-entry.dto';
import { NAMED_ENTRY_LIST_SPEC } from '../shared/named-entry.service';
import { UuidParamPipe } from '../shared/uuid-param.pipe';
import { BrandService } from './brand.service';
import { BrandPageDto, BrandResponseDto } from './dto/brand-response.dto';

@ApiTags('brands')
@Controller('brands')
export class BrandController {
  constructor(private readonly brands: BrandService) {}

  @Post()
  @Roles(Role.Admin)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a brand (admin); names are unique ignoring case' })
  @ApiCreatedResponse({ type: BrandResponseDto })
  @ApiErrors(E.invalidBody, E.unauthenticated, E.forbidden, E.alreadyExists('Brand'))
  create(@Body() dto: NamedEntryDto): Promise<BrandResponseDto> {
    return this.brands.create(dto.name);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: 'List brands' })
  @ApiListQuery(NAMED_ENTRY_LIST_SPEC, { filter: { productCount: { gt: '0' } }, sort: 'name' })
  @ApiOkResponse({ type: BrandPageDto })
  @ApiErrors(E.invalidList)
  list(@Query() query: Record<string, unknown>): Promise<BrandPageDto> {
    return this.brands.list(query);
  }

  @Get(':id')
  @Public()
  @ApiOperation({ summary: 'One brand' })
  @ApiOkResponse({ type: BrandResponseDto })
  @ApiErrors(E.invalidId, E.notFound('Brand'))
  get(@Param('id', UuidParamPipe) id: string): Promise<BrandResponseDto> {
    return this.brands.get(id);
  }

  @Put(':id')
  @Roles(Role.Admin)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Replace a brand (admin)' })
  @ApiOkResponse({ type: BrandResponseDto })
  @ApiErrors(
    E.invalidBody,
    E.unauthenticated,
    E.forbidden,
    E.notFound('Brand'),
    E.alreadyExists('Brand'),
  )
  replace(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: NamedEntryDto,
  ): Promise<BrandResponseDto> {
    return this.brands.update(id, dto.name);
  }

  @Patch(':id')
  @Roles(Role.Admin)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Rename a brand (admin)' })
  @ApiOkResponse({ type: BrandResponseDto })
  @ApiErrors(
    E.invalidBody,
    E.unauthenticated,
    E.forbidden,
    E.notFound('Brand'),
    E.alreadyExists('Brand'),
  )
  patch(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: PatchNamedEntryDto,
  ): Promise<BrandResponseDto> {
    return this.brands.update(id, dto.name);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(Role.Admin)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Delete a brand no live product uses (admin)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(E.invalidId, E.unauthenticated, E.forbidden, E.notFound('Brand'), E.inUse('Brand'))
  delete(@Param('id', UuidParamPipe) id: string): Promise<void> {
    return this.brands.delete(id);
  }
}
