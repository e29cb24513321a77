import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ListQuery, NotFoundError, ProductArchivedError, ValidationError } from '@kassa/common';
import { AdminOnly } from '../../access/access.decorators';
import { AuthUser } from '../../access/auth-user';
import { CurrentUser } from '../../access/current-user.decorator';
import { Public } from '../../access/public.decorator';
import { ApiErrors } from '../../http/api-errors.decorator';
import { ApiListQuery } from '../../http/api-list-query.decorator';
import { IdParam } from '../../http/id-param.decorator';
import { ListQueryParam } from '../../http/list-query.param';
import { PatchProductDto, ProductDto } from './dto/product.dto';
import {
  PriceHistoryPageDto,
  ProductPageDto,
  ProductResponseDto,
} from './dto/product-response.dto';
import { ADMIN_PRODUCT_LIST_SPEC, PRICE_HISTORY_LIST_SPEC } from './product-list';
import { productListSpecFor, ProductQueryService } from './product-query.service';
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
  @AdminOnly()
  @ApiOperation({ summary: 'Create a product (admin); its first price starts the price history' })
  @ApiCreatedResponse({ type: ProductResponseDto })
  @ApiErrors(ValidationError)
  create(@Body() dto: ProductDto): Promise<ProductResponseDto> {
    return this.products.create(dto);
  }

  @Get('products')
  @Public()
  @ApiOperation({
    summary: 'List products',
    description:
      'Guests and customers see active products; admins see every live product and may filter ' +
      'on active and archived. brand and category filter by name (any case). search matches a ' +
      'substring of model or description; sort=relevance (with search) makes it a word search ' +
      'ranked by relevance instead (a word in the model weighs ten times one in the ' +
      'description), e.g. ?search=sunburst%20guitars&sort=relevance.',
  })
  @ApiListQuery(ADMIN_PRODUCT_LIST_SPEC, {
    filter: { brand: 'Fender', price: { gte: '500', lte: '1500.00' }, stock: { gte: '1' } },
    sort: '-price,model',
    relevanceSearch: 'sunburst guitars',
  })
  @ApiOkResponse({ type: ProductPageDto })
  @ApiErrors(ValidationError)
  list(
    @ListQueryParam(productListSpecFor) query: ListQuery,
    @CurrentUser() viewer: AuthUser | undefined,
  ): Promise<ProductPageDto> {
    return this.queries.list(query, viewer);
  }

  @Get(ONE)
  @Public()
  @ApiOperation({ summary: 'One product (inactive and archived ones for admins only)' })
  @ApiOkResponse({ type: ProductResponseDto })
  @ApiErrors(ValidationError, NotFoundError)
  get(
    @IdParam() id: string,
    @CurrentUser() viewer: AuthUser | undefined,
  ): Promise<ProductResponseDto> {
    return this.queries.get(id, viewer);
  }

  @Put(ONE)
  @AdminOnly()
  @ApiOperation({ summary: 'Replace a product (admin); a new price adds a price-history entry' })
  @ApiOkResponse({ type: ProductResponseDto })
  @ApiErrors(ValidationError, NotFoundError, ProductArchivedError)
  replace(@IdParam() id: string, @Body() dto: ProductDto): Promise<ProductResponseDto> {
    return this.products.replace(id, dto);
  }

  @Patch(ONE)
  @AdminOnly()
  @ApiOperation({ summary: 'Change some fields of a product (admin)' })
  @ApiOkResponse({ type: ProductResponseDto })
  @ApiErrors(ValidationError, NotFoundError, ProductArchivedError)
  patch(@IdParam() id: string, @Body() dto: PatchProductDto): Promise<ProductResponseDto> {
    return this.products.patch(id, dto);
  }

  @Delete(ONE)
  @HttpCode(204)
  @AdminOnly()
  @ApiOperation({
    summary: 'Archive a product (admin)',
    description:
      'Hidden from the catalog, kept for order history; its images are removed. An archived product takes no further writes (409 PRODUCT_ARCHIVED).',
  })
  @ApiNoContentResponse({ description: 'Archived' })
  @ApiErrors(ValidationError, NotFoundError, ProductArchivedError)
  archive(@IdParam() id: string): Promise<void> {
    return this.products.archive(id);
  }

  @Get('products/:id/price-history')
  @Public()
  @ApiOperation({
    summary: 'Prices the product has had: version 1 is the first, each change adds one',
  })
  @ApiListQuery(PRICE_HISTORY_LIST_SPEC, {
    filter: { changedAt: { gte: '2025-01-01T00:00:00Z' } },
    sort: '-version',
  })
  @ApiOkResponse({ type: PriceHistoryPageDto })
  @ApiErrors(ValidationError, NotFoundError)
  getPriceHistory(
    @IdParam() id: string,
    @ListQueryParam(PRICE_HISTORY_LIST_SPEC) query: ListQuery,
    @CurrentUser() viewer: AuthUser | undefined,
  ): Promise<PriceHistoryPageDto> {
    return this.queries.listPriceHistory(id, query, viewer);
  }
}
