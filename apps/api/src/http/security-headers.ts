import { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { HelmetOptions } from 'helmet';

/**
 * Helmet's headers with a content security policy that still lets Swagger UI at /docs run its
 * bundled scripts and styles.
 */
export const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", "'unsafe-inline'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'validator.swagger.io'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
    },
  },
};

/**
 * The headers helmet sets with {@link HELMET_OPTIONS}. They do not depend on the request, so they
 * are computed once and set as they are on every answer: the routes', and those the server writes
 * before any hook runs (an over-long URL, oversized headers, a malformed request line).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze(
  staticSecurityHeaders(),
);

function staticSecurityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const collector = {
    setHeader: (name: string, value: string | number) => {
      headers[name] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name];
    },
  } as unknown as ServerResponse;
  helmet(HELMET_OPTIONS)({} as IncomingMessage, collector, () => undefined);
  return headers;
}
