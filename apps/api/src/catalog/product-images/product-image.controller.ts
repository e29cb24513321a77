import { Controller, Delete, Get, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import {
  ListQuery,
  NotFoundError,
  PayloadTooLargeError,
  ProductArchivedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '@kassa/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { AdminOnly } from '../../access/access.decorators';
import { AuthUser } from '../../access/auth-user';
import { CurrentUser } from '../../access/current-user.decorator';
import { Public } from '../../access/public.decorator';
import { ApiErrors } from '../../http/api-errors.decorator';
import { ApiListQuery } from '../../http/api-list-query.decorator';
import { IdParam } from '../../http/id-param.decorator';
import { ListQueryParam } from '../../http/list-query.param';
import { ProductImagePageDto, ProductImageResponseDto } from './dto/product-image-response.dto';
import { etagMatches } from '../../http/etag';
import { IMAGE_CONTENT_TYPES } from './image-type';
import { readSingleFile } from './multipart-image';
import { PRODUCT_IMAGE_LIST_SPEC } from './product-image-list';
import { ProductImageService } from './product-image.service';

const PUBLIC_CACHE = 'public, max-age=31536000, immutable';
const PRIVATE_CACHE = 'private, no-cache';

@ApiTags('products')
@ApiParam({ name: 'id', format: 'uuid', description: 'Product id' })
@Controller('products/:id/images')
export class ProductImageController {
  constructor(private readonly images: ProductImageService) {}

  @Post()
  @AdminOnly()
  @ApiOperation({
    summary: 'Upload a product image (admin): PNG, JPEG, WebP or GIF, checked by content',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiCreatedResponse({ type: ProductImageResponseDto })
  @ApiErrors(
    ValidationError,
    NotFoundError,
    ProductArchivedError,
    PayloadTooLargeError,
    UnsupportedMediaTypeError,
  )
  async upload(
    @IdParam() id: string,
    @Req() request: FastifyRequest,
  ): Promise<ProductImageResponseDto> {
    const file = await readSingleFile(request, this.images.maxImageBytes);
    return this.images.upload(id, file);
  }

  @Get()
  @Public()
  @ApiOperation({ summary: "A product's images (as visible as the product)" })
  @ApiListQuery(PRODUCT_IMAGE_LIST_SPEC, {
    filter: { size: { lte: '1048576' } },
    sort: '-createdAt',
  })
  @ApiOkResponse({ type: ProductImagePageDto })
  @ApiErrors(ValidationError, NotFoundError)
  list(
    @IdParam() id: string,
    @ListQueryParam(PRODUCT_IMAGE_LIST_SPEC) query: ListQuery,
    @CurrentUser() viewer: AuthUser | undefined,
  ): Promise<ProductImagePageDto> {
    return this.images.list(id, query, viewer);
  }

  @Get(':imageId')
  @Public()
  @ApiOperation({ summary: 'Download an image; ETag is its SHA-256, If-None-Match gives 304' })
  @ApiParam({ name: 'imageId', format: 'uuid' })
  @ApiHeader({ name: 'If-None-Match', required: false, example: '"9f86d081884c7d65…"' })
  @ApiResponse({
    status: 200,
    description: 'The image bytes with Content-Type, Content-Length, ETag and Cache-Control',
    content: Object.fromEntries(
      IMAGE_CONTENT_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }]),
    ),
  })
  @ApiResponse({ status: 304, description: 'The cached copy named by If-None-Match is current' })
  @ApiErrors(ValidationError, NotFoundError)
  async download(
    @IdParam() id: string,
    @IdParam('imageId') imageId: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @CurrentUser() viewer: AuthUser | undefined,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    const image = await this.images.download(id, imageId, viewer);
    reply
      .header('ETag', image.etag)
      .header('Cache-Control', image.publiclyVisible ? PUBLIC_CACHE : PRIVATE_CACHE);
    if (etagMatches(ifNoneMatch, image.etag)) {
      await reply.status(304).send();
      return;
    }
    await reply
      .status(200)
      .header('Content-Type', image.contentType)
      .header('Content-Length', image.length)
      .send(image.open());
  }

  @Delete(':imageId')
  @HttpCode(204)
  @AdminOnly()
  @ApiOperation({ summary: 'Delete one image of a product (admin)' })
  @ApiParam({ name: 'imageId', format: 'uuid' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(ValidationError, NotFoundError, ProductArchivedError)
  delete(@IdParam() id: string, @IdParam('imageId') imageId: string): Promise<void> {
    return this.images.delete(id, imageId);
  }
}
