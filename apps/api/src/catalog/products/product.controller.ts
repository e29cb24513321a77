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
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser } from '../../auth/auth-user';
import { CurrentUser } from '../../auth/decorators/current-user.decorator';
import { Public } from '../../auth/decorators/public.decorator';
import { Roles } from '../../auth/decorators/roles.decorator';
import { ApiErrors } from '../../http/api-errors.decorator';
import { Role } from '../../users/role';
import { ApiListQuery } from '../../http/api-list-query.decorator';
import { CATALOG_ERRORS as E } from '../shared/catalog-api-errors';
import { UuidParamPipe } from '../shared/uuid-param.pipe';
import { PatchProductDto, ProductDto } from './dto/product.dto';
import {
  PriceHistoryPageDto,
  ProductPageDto,
  ProductResponseDto,
} from './dto/product-response.dto';
import { ADMIN_PRODUCT_LIST_SPEC, PRICE_HISTORY_LIST_SPEC } from './product-list';
import { ProductQueryService } from './product-query.service';
import { ProductService } from './product.service';

const ONE = ['products/:id', 'product/:id'];

/** Products; `/product` and `/product/:id` are the requirement's names of the same routes. */
@ApiTags('products')
@Controller()
export class ProductController {
  constructor(
    private readonly products: ProductService,
    private readonly queries: ProductQueryService,
  ) {}

  @Post(['products', 'product'])
  @Roles(Role.Admin)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create a product (admin); its first price starts the price history' })
  @ApiCreatedResponse({ type: ProductResponseDto })
  @ApiErrors(E.invalidBody, E.unauthenticated, E.forbidden)
  create(@Body() dto: ProductDto): Promise<ProductResponseDto> {
    return this.products.create(dto);
  }

  @Get('products')
  @Public()
  @ApiOperation({
    summary: 'List products',
    description:
      'Guests and customers see active products; admins see every live product and may filter ' +
      'on active and archived. brand and category filter by name (any case).',
  })
  @ApiListQuery(ADMIN_PRODUCT_LIST_SPEC, {
    filter: { brand: 'Fender', price: { gte: '500', lte: '1500.00' }, stock: { gt: '0' } },
    sort: '-price,model',
  })
  @ApiOkResponse({ type: ProductPageDto })
  @ApiErrors(E.invalidList)
  list(
    @Query() query: Record<string, unknown>,
    @CurrentUser() viewer: AuthUser | undefined,
  ): Promise<ProductPageDto> {
    return this.queries.list(query, viewer);
  }

  @Get(ONE)
  @Public()
  @ApiOperation({ summary: 'One product (inactive and archived ones for admins only)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ProductResponseDto })
  @ApiErrors(E.invalidId, E.notFound('Product'))
  get(
    @Param('id', UuidParamPipe) id: string,
    @CurrentUser() viewer: AuthUser | undefined,
  ): Promise<ProductResponseDto> {
    return this.queries.get(id, viewer);
  }

  @Put(ONE)
  @Roles(Role.Admin)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Replace a product (admin); a new price adds a price-history entry' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ProductResponseDto })
  @ApiErrors(
    E.invalidBody,
    E.unauthenticated,
    E.forbidden,
    E.notFound('Product'),
    E.productArchived,
  )
  replace(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: ProductDto,
  ): Promise<ProductResponseDto> {
    return this.products.replace(id, dto);
  }

  @Patch(ONE)
  @Roles(Role.Admin)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change some fields of a product (admin)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: ProductResponseDto })
  @ApiErrors(
    E.invalidBody,
    E.unauthenticated,
    E.forbidden,
    E.notFound('Product'),
    E.productArchived,
  )
  patch(
    @Param('id', UuidParamPipe) id: string,
    @Body() dto: PatchProductDto,
  ): Promise<ProductResponseDto> {
    return this.products.patch(id, dto);
  }

  @Delete(ONE)
  @HttpCode(204)
  @Roles(Role.Admin)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Archive a product (admin)',
    description: 'Hidden from the catalog, kept for order history; its images are removed.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Archived' })
  @ApiErrors(E.invalidId, E.unauthenticated, E.forbidden, E.notFound('Product'))
  archive(@Param('id', UuidParamPipe) id: string): Promise<void> {
    return this.products.archive(id);
  }

  @Get('products/:id/price-history')
  @Public()
  @ApiOperation({
    summary: 'Prices the product has had: version 1 is the first, each change adds one',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiListQuery(PRICE_HISTORY_LIST_SPEC, {
    filter: { changedAt: { gte: '2025-01-01T00:00:00Z' } },
    sort: '-version',
  })
  @ApiOkResponse({ type: PriceHistoryPageDto })
  @ApiErrors(E.invalidId, E.invalidList, E.notFound('Product'))
  priceHistory(
    @Param('id', UuidParamPipe) id: string,
    @Query() query: Record<string, unknown>,
    @CurrentUser() viewer: AuthUser | undefined,
  ): Promise<PriceHistoryPageDto> {
    return this.queries.listPriceHistory(id, query, viewer);
  }
}
