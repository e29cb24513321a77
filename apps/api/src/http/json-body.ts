import { ValidationError } from '@kassa/common';

/** Deeper JSON is refused before it is parsed or walked: no request body needs more. */
export const MAX_JSON_DEPTH = 32;

const FORBIDDEN_KEY =
  'The body must not contain a "__proto__" key or a "constructor" object with a "prototype" key';

/** How deep objects and arrays nest in JSON text, stopping as soon as `limit` is passed. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    if (inString) {
      if (char === 0x5c) index++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x7b || char === 0x5b) {
      if (++depth > limit) return true;
    } else if (char === 0x7d || char === 0x5d) {
      depth--;
    }
  }
  return false;
}

function hasForbiddenKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(hasForbiddenKey);
  if (Object.hasOwn(value, '__proto__')) return true;
  const constructor = (value as Record<string, unknown>).constructor;
  if (
    Object.hasOwn(value, 'constructor') &&
    typeof constructor === 'object' &&
    constructor !== null
  ) {
    if (Object.hasOwn(constructor, 'prototype')) return true;
  }
  return Object.values(value).some(hasForbiddenKey);
}

/**
 * Parses a JSON request body: an empty body is no body; nesting deeper than
 * {@link MAX_JSON_DEPTH} is refused before parsing, so nothing recursive ever sees it; keys that
 * could reach an object's prototype are refused with a message that says so.
 */
export function parseJsonBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    throw ValidationError.forField('body', `The body nests deeper than ${MAX_JSON_DEPTH} levels`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw ValidationError.forField('body', 'The body is not valid JSON');
  }
  if (hasForbiddenKey(value)) throw ValidationError.forField('body', FORBIDDEN_KEY);
  return value;
}
