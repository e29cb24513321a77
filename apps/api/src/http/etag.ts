/**
 * Whether an `If-None-Match` header names this (strong) ETag: `*`, or a comma list of tags of
 * which one is equal, weak prefix ignored (weak comparison, RFC 9110 §13.1.2).
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) {
    return false;
  }
  return ifNoneMatch
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === etag);
}
