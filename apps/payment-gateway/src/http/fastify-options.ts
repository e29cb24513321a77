import { randomUUID } from 'node:crypto';
import { FastifyServerOptions } from 'fastify';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

export const REQUEST_ID_HEADER = 'x-request-id';
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9-]{1,64}$/;

/** Keeps a caller's `X-Request-Id` (1–64 of `[A-Za-z0-9-]`), so both sides log the same id. */
function requestIdOf(incoming: unknown): string {
  return typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming)
    ? incoming
    : randomUUID();
}

export function fastifyOptions(): FastifyServerOptions {
  return {
    routerOptions: { ignoreTrailingSlash: true },
    requestIdHeader: false,
    genReqId: (request) => requestIdOf(request.headers[REQUEST_ID_HEADER]),
    logger: false,
  };
}

/** Echoes the request id on every response. */
export function registerRequestIdHeader(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', async (request, reply) => {
      void reply.header(REQUEST_ID_HEADER, request.id);
    });
}
