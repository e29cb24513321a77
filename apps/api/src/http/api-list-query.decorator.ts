import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { ListSpec } from '@kassa/common';

/** Documents the list parameters of DESIGN.md §2 with the resource's whitelist. */
export function ApiListQuery(
  spec: ListSpec,
  example: { filter: Record<string, unknown>; sort: string },
) {
  const fields = Object.entries(spec.fields);
  const filterable = fields.filter(([, field]) => field.filter !== false).map(([name]) => name);
  const sortable = fields.filter(([, field]) => field.sort !== false).map(([name]) => name);
  return applyDecorators(
    ApiQuery({
      name: 'page',
      required: false,
      schema: { type: 'integer', minimum: 1, default: 1 },
    }),
    ApiQuery({
      name: 'limit',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
    }),
    ApiQuery({
      name: 'sort',
      required: false,
      description: `Comma list, "-" for descending. Sortable: ${sortable.join(', ')}`,
      example: example.sort,
    }),
    ApiQuery({
      name: 'filter',
      required: false,
      style: 'deepObject',
      explode: true,
      description:
        `filter[field]=v or filter[field][eq|ne|gt|gte|lt|lte|in]=v (in: comma list). ` +
        `Filterable: ${filterable.join(', ')}`,
      schema: { type: 'object', additionalProperties: true },
      example: example.filter,
    }),
    ...(spec.search?.length
      ? [
          ApiQuery({
            name: 'search',
            required: false,
            description: `Case-insensitive text match over ${spec.search.join(', ')}`,
          }),
        ]
      : []),
  );
}
