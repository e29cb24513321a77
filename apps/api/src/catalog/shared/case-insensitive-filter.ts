import { normaliseCatalogName } from './catalog-name';

function normaliseValues(value: unknown): unknown {
  if (typeof value === 'string') {
    return normaliseCatalogName(value);
  }
  if (Array.isArray(value)) {
    return value.map(normaliseValues);
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([op, inner]) => [op, normaliseValues(inner)]),
    );
  }
  return value;
}

/**
 * Normalises the raw `filter[field]` values of name fields the way stored lowercase copies are,
 * so `filter[name]=FENDER` matches "Fender". Everything else is left for the list parser to judge.
 */
export function normaliseNameFilters(
  raw: Record<string, unknown>,
  fields: readonly string[],
): Record<string, unknown> {
  const filter = raw.filter;
  if (!filter || typeof filter !== 'object' || Array.isArray(filter)) {
    return raw;
  }
  const normalised = Object.fromEntries(
    Object.entries(filter).map(([field, value]) => [
      field,
      fields.includes(field) ? normaliseValues(value) : value,
    ]),
  );
  return { ...raw, filter: normalised };
}
