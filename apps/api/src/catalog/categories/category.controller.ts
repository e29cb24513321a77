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
import { CategoryService } from './category.service';
import { CategoryPageDto, CategoryResponseDto } from './dto/category-response.dto';

@ApiTags('categories')
@Controller()
export class CategoryController {
  constructor(private readonly categories: CategoryService) {}

  @Post(['categories', 'category'])
  @Roles(Role.Admin)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a category (admin); names are unique ignoring case' })
  @ApiCreatedResponse({ type: CategoryResponseDto })
  @ApiErrors(E.invalidBody, E.unauthenticated, E.forbidden, E.alreadyExists('Category'))
  create(@Body() dto: NamedEntryDto): Promise<CategoryResponseDto> {
    return this.categories.create(dto.name);
  }

  @Get('categories')
  @Public()
  @ApiOperation({ summary: 'List categories' })
  @ApiListQuery(NAMED_ENTRY_LIST_SPEC, { filter: { productCount: { gt: '0' } }, sort: 'name' })
  @ApiOkResponse({ type: CategoryPageDto })
  @ApiErrors(E.invalidList)
  list(@Query() query: Record<string, unknown>): Promise<CategoryPageDto> {
    return this.categories.list(query);
  }

  @Get(['categories/:id', 'category/:id'])
  @Public()
  @ApiOperation({ summary: 'One category' })
  @ApiOkResponse({ type: CategoryResponseDto })
  @ApiErrors(E.invalidId, E.notFound('Category'))
  get(@Param('id', UuidParamPipe) id: string): Promise<CategoryResponseDto> {
    return this.categories.get(id);
  }

  @Put(['categories/:id', 'category/:id'])
  @Roles(Role.Admin)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Replace a category (admin)' })
  @ApiOkResponse({ type: CategoryResponseDto })
  @ApiErrors(
    E.invalidBody,
    E.unauthenticated,
    E.forbidden,
    E.notFound('Category'),
    E.alreadyExists('Category'),
  )
  replace(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: NamedEntryDto,
  ): Promise<CategoryResponseDto> {
    return this.categories.update(id, dto.name);
  }

  @Patch(['categories/:id', 'category/:id'])
  @Roles(Role.Admin)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Rename a category (admin)' })
  @ApiOkResponse({ type: CategoryResponseDto })
  @ApiErrors(
    E.invalidBody,
    E.unauthenticated,
    E.forbidden,
    E.notFound('Category'),
    E.alreadyExists('Category'),
  )
  patch(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: PatchNamedEntryDto,
  ): Promise<CategoryResponseDto> {
    return this.categories.update(id, dto.name);
  }

  @Delete(['categories/:id', 'category/:id'])
  @HttpCode(204)
  @Roles(Role.Admin)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Delete a category no live product uses (admin)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(
    E.invalidId,
    E.unauthenticated,
    E.forbidden,
    E.notFound('Category'),
    E.inUse('Category'),
  )
  delete(@Param('id', UuidParamPipe) id: string): Promise<void> {
    return this.categories.delete(id);
  }
}
