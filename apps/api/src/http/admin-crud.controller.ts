import { Controller, Delete, Get, HttpCode, Inject, Patch, Post, Put, Type } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  DomainErrorClass,
  ListQuery,
  ListSpec,
  NotFoundError,
  Page,
  ValidationError,
} from '@kassa/common';
import { AdminOnly } from '../access/access.decorators';
import { CatalogConfig, catalogConfig } from '../config/catalog.config';
import { ApiErrors } from './api-errors.decorator';
import { ApiListQuery, ListQueryExample } from './api-list-query.decorator';
import { IdParam } from './id-param.decorator';
import { ListQueryParam } from './list-query.param';
import { ValidatedBody } from './validated-body.decorator';

/** What an admin-managed resource's service offers. */
export interface AdminCrudService<Record, Input, Changes> {
  create(input: Input): Promise<Record>;
  list(query: ListQuery): Promise<Page<Record>>;
  get(id: string): Promise<Record>;
  replace(id: string, input: Input): Promise<Record>;
  patch(id: string, changes: Changes): Promise<Record>;
  delete(id: string): Promise<void>;
}

export interface AdminCrudRoutes<Record, Input, Changes, Response> {
  path: string;
  /** `promo code`: used in summaries. */
  noun: string;
  service: Type<AdminCrudService<Record, Input, Changes>>;
  input: Type<Input>;
  changes: Type<Changes>;
  response: Type<Response>;
  page: Type<Page<Response>>;
  listSpec: ListSpec;
  listExample: ListQueryExample;
  /** Errors a write may answer besides validation and not found (e.g. a taken code). */
  writeErrors?: DomainErrorClass[];
  description?: string;
  toResponse: (record: Record, currency: string) => Response;
}

/**
 * The admin routes of a resource managed as a whole: create, list, read, replace, change,
 * delete; every route admin-only, money shown in the shop currency.
 */
export function adminCrudController<Record, Input extends object, Changes extends object, Response>(
  routes: AdminCrudRoutes<Record, Input, Changes, Response>,
) {
  const writeErrors = [ValidationError, ...(routes.writeErrors ?? [])];
  const { noun } = routes;

  @ApiTags(routes.path)
  @AdminOnly()
  @Controller(routes.path)
  class AdminCrudController {
    constructor(
      @Inject(routes.service) readonly service: AdminCrudService<Record, Input, Changes>,
      @Inject(catalogConfig.KEY) readonly catalog: CatalogConfig,
    ) {}

    @Post()
    @HttpCode(201)
    @ApiOperation({ summary: `Create a ${noun}`, description: routes.description })
    @ApiBody({ type: routes.input })
    @ApiCreatedResponse({ type: routes.response })
    @ApiErrors(...writeErrors)
    async create(@ValidatedBody(routes.input) body: Input): Promise<Response> {
      return this.respond(await this.service.create(body));
    }

    @Get()
    @ApiOperation({ summary: `List ${noun}s` })
    @ApiListQuery(routes.listSpec, routes.listExample)
    @ApiOkResponse({ type: routes.page })
    @ApiErrors(ValidationError)
    async list(@ListQueryParam(routes.listSpec) query: ListQuery): Promise<Page<Response>> {
      const page = await this.service.list(query);
      return { ...page, items: page.items.map((item) => this.respond(item)) };
    }

    @Get(':id')
    @ApiOperation({ summary: `One ${noun}` })
    @ApiOkResponse({ type: routes.response })
    @ApiErrors(ValidationError, NotFoundError)
    async get(@IdParam() id: string): Promise<Response> {
      return this.respond(await this.service.get(id));
    }

    @Put(':id')
    @ApiOperation({ summary: `Replace a ${noun}` })
    @ApiBody({ type: routes.input })
    @ApiOkResponse({ type: routes.response })
    @ApiErrors(...writeErrors, NotFoundError)
    async replace(
      @IdParam() id: string,
      @ValidatedBody(routes.input) body: Input,
    ): Promise<Response> {
      return this.respond(await this.service.replace(id, body));
    }

    @Patch(':id')
    @ApiOperation({ summary: `Change some fields of a ${noun}` })
    @ApiBody({ type: routes.changes })
    @ApiOkResponse({ type: routes.response })
    @ApiErrors(...writeErrors, NotFoundError)
    async patch(
      @IdParam() id: string,
      @ValidatedBody(routes.changes) body: Changes,
    ): Promise<Response> {
      return this.respond(await this.service.patch(id, body));
    }

    @Delete(':id')
    @HttpCode(204)
    @ApiOperation({ summary: `Delete a ${noun}` })
    @ApiNoContentResponse({ description: 'Deleted' })
    @ApiErrors(ValidationError, NotFoundError)
    delete(@IdParam() id: string): Promise<void> {
      return this.service.delete(id);
    }

    respond(record: Record): Response {
      return routes.toResponse(record, this.catalog.currency);
    }
  }
  return AdminCrudController;
}
