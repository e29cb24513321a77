import { etagMatches } from './etag';

describe('etagMatches', () => {
  const etag = '"abc123"';

  it.each([
    ['"abc123"', true],
    ['W/"abc123"', true],
    ['"other", "abc123"', true],
    ['*', true],
    ['"other"', false],
    ['abc123', false],
    [undefined, false],
    ['', false],
  ])('If-None-Match %p → %p', (header, expected) => {
    expect(etagMatches(header, etag)).toBe(expected);
  });
});
