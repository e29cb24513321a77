import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { parseJsonBody } from './json-body';

const JSON_TYPES = ['application/json', /^application\/[\w.+-]+\+json$/];

/**
 * The API reads JSON bodies (and multipart uploads, see `@fastify/multipart`); any other content
 * type is a 415. The body limit is Fastify's (`BODY_LIMIT_BYTES`).
 */
export function registerBodyParsers(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeAllContentTypeParsers();
  for (const type of JSON_TYPES) {
    fastify.addContentTypeParser(type, { parseAs: 'string' }, (_request, body, done) => {
      try {
        done(null, parseJsonBody(body as string));
      } catch (error) {
        done(error as Error, undefined);
      }
    });
  }
}
