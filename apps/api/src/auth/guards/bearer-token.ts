const BEARER = /^Bearer ([A-Za-z0-9_.-]+)$/;

/** The token of an `Authorization: Bearer <token>` header, if the header has that form. */
export function bearerToken(authorization: string | string[] | undefined): string | undefined {
  if (typeof authorization !== 'string') return undefined;
  return BEARER.exec(authorization)?.[1];
}
