/** Reading the API's own OpenAPI document (`/docs-json`) in specs that cover every route. */

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export const METHODS: readonly Method[] = ['get', 'post', 'put', 'patch', 'delete'];

type Schema = Record<string, any>;

export interface OpenApiDocument {
  paths: Record<string, Record<string, Schema>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface Operation {
  method: Method;
  /** The path template, `/products/{id}`. */
  path: string;
  operationId: string;
  /** Who may call it (`x-roles`): `guest` for no token, and roles. */
  roles: string[];
  /** `customer` when the path's resource belongs to one customer (`x-owned-by`). */
  ownedBy?: string;
  parameters: { name: string; in: string; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method];
      return {
        method,
        path,
        operationId: operation.operationId,
        roles: operation['x-roles'],
        ownedBy: operation['x-owned-by'],
        parameters: operation.parameters ?? [],
        requestBody: operation.requestBody,
      };
    }),
  );
}

function resolve(schema: Schema, document: OpenApiDocument): Schema {
  const ref: string | undefined = schema.$ref ?? schema.allOf?.[0]?.$ref;
  if (!ref) return schema;
  return document.components?.schemas?.[ref.split('/').pop()!] ?? {};
}

/** A value for a schema from its documented example, else the simplest value of its type. */
export function exampleOf(schema: Schema, document: OpenApiDocument, depth = 0): unknown {
  const resolved = resolve(schema, document);
  if (resolved.example !== undefined) return resolved.example;
  if (resolved.enum) return resolved.enum[0];
  if (depth > 5) return undefined;
  switch (resolved.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries<Schema>(resolved.properties ?? {}).map(([name, property]) => [
          name,
          exampleOf(property, document, depth + 1),
        ]),
      );
    case 'array':
      return [exampleOf(resolved.items ?? {}, document, depth + 1)];
    case 'integer':
    case 'number':
      return resolved.minimum ?? 1;
    case 'boolean':
      return true;
    case 'string':
      return resolved.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'text';
    default:
      return resolved.properties ? exampleOf({ ...resolved, type: 'object' }, document) : undefined;
  }
}

/** The JSON body an operation documents, built from its examples; undefined when it takes none. */
export function exampleBody(operation: Operation, document: OpenApiDocument): unknown {
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  return schema ? exampleOf(schema, document) : undefined;
}

/** `/products/{id}/images/{imageId}` with the given values. */
export function fillPath(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_match, name: string) => {
    if (!(name in values)) throw new Error(`No value for {${name}} of ${template}`);
    return values[name];
  });
}
