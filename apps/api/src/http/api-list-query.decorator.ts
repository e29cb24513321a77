import { applyDecorators } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import { ListField, ListSpec, MAX_LIST_LIMIT, RELEVANCE } from '@kassa/common';

/** Filter values as a list route's example sends them: `{price: {gte: '10'}, brand: 'Fender'}`. */
export type ListFilterExample = Record<string, string | { gte?: string; lte?: string }>;

export interface ListQueryExample {
  filter: ListFilterExample;
  sort: string;
  /** Words to show `sort=relevance` with, on a list that offers it. */
  relevanceSearch?: string;
}

const RANGE_TYPES = new Set(['number', 'money', 'date']);

const TYPE_NOTES: Record<string, string> = {
  money: 'a decimal amount such as 12.50',
  date: 'an ISO-8601 date-time',
  boolean: 'true or false',
  uuid: 'a UUID',
};

function describeField(name: string, field: ListField): string {
  const values = field.values ? `one of ${field.values.join(', ')}` : TYPE_NOTES[field.type];
  return [`Filter on ${name}`, values].filter(Boolean).join(': ') + '. Also [ne], [in]=a,b.';
}

/**
 * One documented query parameter per filter a list offers (`filter[price][gte]`,
 * `filter[brand]`), so that Swagger UI and generated clients send exactly what the API parses;
 * only the example's parameters carry a value, so "Try it out" sends a valid request.
 */
function filterParameters(spec: ListSpec, example: ListFilterExample) {
  return Object.entries(spec.fields)
    .filter(([, field]) => field.filter !== false)
    .flatMap(([name, field]) => {
      const given = example[name];
      const ranged = RANGE_TYPES.has(field.type);
      const parameters = [
        {
          name: `filter[${name}]`,
          description: describeField(name, field),
          example: typeof given === 'string' ? given : undefined,
        },
        ...(ranged
          ? (['gte', 'lte'] as const).map((operator) => ({
              name: `filter[${name}][${operator}]`,
              description: `${name} ${operator === 'gte' ? 'at least' : 'at most'} this (also [gt], [lt])`,
              example: typeof given === 'object' ? given[operator] : undefined,
            }))
          : []),
      ];
      return parameters.map((parameter) =>
        ApiQuery({ ...parameter, required: false, schema: { type: 'string' } }),
      );
    });
}

function sortDescription(spec: ListSpec, example: ListQueryExample): string {
  const sortable = Object.entries(spec.fields)
    .filter(([, field]) => field.sort !== false)
    .map(([name]) => name);
  const listed = `Comma list, "-" for descending. Sortable: ${sortable.join(', ')}`;
  if (!spec.relevance) return listed;
  const words = encodeURIComponent(example.relevanceSearch ?? 'words');
  return (
    `${listed}. Or \`${RELEVANCE}\` alone, with search only: best word matches first, ties by ` +
    `${spec.defaultSort ?? '_id'} (e.g. \`sort=${RELEVANCE}&search=${words}\`)`
  );
}

function searchDescription(spec: ListSpec): string {
  const substring = `Case-insensitive text match over ${(spec.search ?? []).join(', ')}`;
  if (!spec.relevance) return substring;
  return (
    `${substring}. With sort=${RELEVANCE}: a word search instead (any of the words, ` +
    'stemmed: "running" finds "run"; "a phrase" must appear as written; -word excludes), ' +
    'ranked by relevance'
  );
}

/** Documents the list parameters of DESIGN.md §2 with the resource's whitelist. */
export function ApiListQuery(spec: ListSpec, example: ListQueryExample) {
  return applyDecorators(
    ApiQuery({
      name: 'page',
      required: false,
      schema: { type: 'integer', minimum: 1, default: 1 },
    }),
    ApiQuery({
      name: 'limit',
      required: false,
      schema: { type: 'integer', minimum: 1, maximum: MAX_LIST_LIMIT, default: 20 },
    }),
    ApiQuery({
      name: 'sort',
      required: false,
      description: sortDescription(spec, example),
      example: example.sort,
    }),
    ...filterParameters(spec, example.filter),
    ...(spec.search?.length
      ? [
          ApiQuery({
            name: 'search',
            required: false,
            description: searchDescription(spec),
          }),
        ]
      : []),
  );
}
