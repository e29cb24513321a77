import { parse } from 'qs';

const PROTO_SEGMENT = /(^|\[)__proto__(\]|\[|$)/;

function decodedKeys(queryString: string): string[] {
  return queryString.split('&').map((pair) => {
    const key = pair.split('=', 1)[0].replace(/\+/g, ' ');
    try {
      return decodeURIComponent(key);
    } catch {
      return key;
    }
  });
}

/**
 * Nested query strings (`filter[price][gte]=10`) with bounded work: at most 100 parameters,
 * 5 levels, arrays up to 20 entries (larger indexes stay object keys), no dotted keys. Objects
 * have no prototype, so `constructor[prototype]` is an ordinary parameter; and a key with a
 * `__proto__` segment, which `qs` drops, is kept under its raw name. Either way a list route
 * refuses it as an unknown parameter instead of answering as if it had not been sent.
 */
export function parseQueryString(queryString: string): Record<string, unknown> {
  const query: Record<string, unknown> = parse(queryString, {
    depth: 5,
    parameterLimit: 100,
    arrayLimit: 20,
    allowDots: false,
    plainObjects: true,
    allowPrototypes: true,
    parseArrays: true,
    comma: false,
  });
  for (const key of decodedKeys(queryString)) {
    if (PROTO_SEGMENT.test(key)) query[key] = true;
  }
  return query;
}
