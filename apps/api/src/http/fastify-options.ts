import { FastifyServerOptions } from 'fastify';
import { REQUEST_ID_HEADER, resolveRequestId } from '@kassa/common';
import { HttpConfig } from '../config/http.config';
import { answerClientError, answerFrameworkError } from './framework-errors';
import { parseQueryString } from './query-string';

/** The Fastify server behind Nest: limits, proxies, routing, request ids and early refusals. */
export function fastifyOptions(http: HttpConfig): FastifyServerOptions {
  return {
    bodyLimit: http.bodyLimitBytes,
    trustProxy: http.trustProxy,
    routerOptions: {
      ignoreTrailingSlash: true,
      querystringParser: parseQueryString,
    },
    requestIdHeader: false,
    genReqId: (request) => resolveRequestId(request.headers[REQUEST_ID_HEADER]),
    logger: false,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
  };
}
