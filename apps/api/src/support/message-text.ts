import { ValidationError } from '@kassa/common';

export const MESSAGE_MAX_LENGTH = 2000;
export const SUBJECT_MAX_LENGTH = 120;

const TAB = 0x09;
const LINE_FEED = 0x0a;

/**
 * C0 controls other than tab and line feed, DEL, C1 controls, and the bidirectional overrides
 * and isolates that make text display in another order than it is stored.
 */
function isForbiddenCharacter(code: number): boolean {
  return (
    (code < 0x20 && code !== TAB && code !== LINE_FEED) ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069)
  );
}

/** A UTF-16 surrogate without its partner: not a character, and not storable as UTF-8. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Chat text as the API accepts it: a string of 1 to `max` characters (Unicode code points), not
 * only white space, without control characters. It is kept exactly as written — markup included,
 * as text — and only ever returned inside JSON; nothing in the API interprets it as HTML.
 */
export function checkChatText(field: string, value: unknown, max = MESSAGE_MAX_LENGTH): string {
  if (typeof value !== 'string') throw ValidationError.forField(field, `${field} must be a string`);
  const length = [...value].length;
  if (length === 0 || value.trim() === '') {
    throw ValidationError.forField(field, `${field} must not be empty`);
  }
  if (length > max) {
    throw ValidationError.forField(field, `${field} must be at most ${max} characters`);
  }
  if ([...value].some((character) => isForbiddenCharacter(character.codePointAt(0)!))) {
    throw ValidationError.forField(field, `${field} must not contain control characters`);
  }
  if (LONE_SURROGATE.test(value)) {
    throw ValidationError.forField(field, `${field} must be well-formed Unicode`);
  }
  return value;
}
