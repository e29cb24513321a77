import { parse } from 'qs';

/**
 * Nested query strings (`filter[price][gte]=10`) with bounded work: at most 100 parameters,
 * 5 levels, arrays up to 20 entries (larger indexes stay object keys), no dotted keys, and keys
 * that would shadow `Object.prototype` dropped.
 */
export function parseQueryString(queryString: string): Record<string, unknown> {
  return parse(queryString, {
    depth: 5,
    parameterLimit: 100,
    arrayLimit: 20,
    allowDots: false,
    allowPrototypes: false,
    parseArrays: true,
    comma: false,
  });
}
