import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Patch,
  Post,
  Put,
  Type,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  AlreadyExistsError,
  InUseError,
  ListQuery,
  NotFoundError,
  Page,
  ValidationError,
} from '@kassa/common';
import { AdminOnly } from '../../access/access.decorators';
import { Public } from '../../access/public.decorator';
import { ApiErrors } from '../../http/api-errors.decorator';
import { ApiListQuery } from '../../http/api-list-query.decorator';
import { IdParam } from '../../http/id-param.decorator';
import { ListQueryParam } from '../../http/list-query.param';
import { PageResponseDto } from '../../http/page-response.dto';
import { NamedEntryDto, PatchNamedEntryDto } from './named-entry.dto';
import { NamedEntryResponseDto, toNamedEntryResponse } from './named-entry.response';
import { NAMED_ENTRY_LIST_SPEC, NamedEntryService } from './named-entry.service';

export interface NamedEntryRoutes {
  /** `Brand`, `Category`: used in summaries. */
  resource: string;
  /** The collection path and Swagger tag: `brands`. */
  path: string;
  /** Requirement names of the create and one-entry routes: `category` serves `/category/:id`. */
  aliases: string[];
  service: Type<NamedEntryService>;
}

/**
 * The controller of a uniquely named catalog entry: brands and categories are served by the
 * same routes and rules. Reads are public, writes admin-only.
 */
export function namedEntryController(routes: NamedEntryRoutes) {
  const { resource, path } = routes;
  const noun = resource.toLowerCase();
  const collection = [path, ...routes.aliases];
  const one = collection.map((prefix) => `${prefix}/:id`);

  class EntryPageDto extends PageResponseDto(NamedEntryResponseDto) {}
  Object.defineProperty(EntryPageDto, 'name', { value: `${resource}PageDto` });

  @ApiTags(path)
  @Controller()
  class NamedEntryController {
    constructor(@Inject(routes.service) readonly entries: NamedEntryService) {}

    @Post(collection)
    @AdminOnly()
    @ApiOperation({ summary: `Create a ${noun} (admin); names are unique ignoring case` })
    @ApiCreatedResponse({ type: NamedEntryResponseDto })
    @ApiErrors(ValidationError, AlreadyExistsError)
    async create(@Body() dto: NamedEntryDto): Promise<NamedEntryResponseDto> {
      return toNamedEntryResponse(await this.entries.create(dto.name));
    }

    @Get(path)
    @Public()
    @ApiOperation({ summary: `List ${path}` })
    @ApiListQuery(NAMED_ENTRY_LIST_SPEC, { filter: { productCount: { gte: '1' } }, sort: 'name' })
    @ApiOkResponse({ type: EntryPageDto })
    @ApiErrors(ValidationError)
    async list(
      @ListQueryParam(NAMED_ENTRY_LIST_SPEC) query: ListQuery,
    ): Promise<Page<NamedEntryResponseDto>> {
      const page = await this.entries.list(query);
      return { ...page, items: page.items.map(toNamedEntryResponse) };
    }

    @Get(one)
    @Public()
    @ApiOperation({ summary: `One ${noun}` })
    @ApiOkResponse({ type: NamedEntryResponseDto })
    @ApiErrors(ValidationError, NotFoundError)
    async get(@IdParam() id: string): Promise<NamedEntryResponseDto> {
      return toNamedEntryResponse(await this.entries.get(id));
    }

    @Put(one)
    @AdminOnly()
    @ApiOperation({ summary: `Replace a ${noun} (admin)` })
    @ApiOkResponse({ type: NamedEntryResponseDto })
    @ApiErrors(ValidationError, NotFoundError, AlreadyExistsError)
    async replace(
      @IdParam() id: string,
      @Body() dto: NamedEntryDto,
    ): Promise<NamedEntryResponseDto> {
      return toNamedEntryResponse(await this.entries.update(id, dto.name));
    }

    @Patch(one)
    @AdminOnly()
    @ApiOperation({ summary: `Rename a ${noun} (admin)` })
    @ApiOkResponse({ type: NamedEntryResponseDto })
    @ApiErrors(ValidationError, NotFoundError, AlreadyExistsError)
    async patch(
      @IdParam() id: string,
      @Body() dto: PatchNamedEntryDto,
    ): Promise<NamedEntryResponseDto> {
      return toNamedEntryResponse(await this.entries.update(id, dto.name));
    }

    @Delete(one)
    @HttpCode(204)
    @AdminOnly()
    @ApiOperation({ summary: `Delete a ${noun} no live product uses (admin)` })
    @ApiNoContentResponse({ description: 'Deleted' })
    @ApiErrors(ValidationError, NotFoundError, InUseError)
    delete(@IdParam() id: string): Promise<void> {
      return this.entries.delete(id);
    }
  }
  return NamedEntryController;
}
