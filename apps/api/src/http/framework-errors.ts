import { randomUUID } from 'node:crypto';
import { Socket } from 'node:net';
import {
  REQUEST_ID_HEADER,
  RequestHeadersTooLargeError,
  UriTooLongError,
  ValidationError,
} from '@kassa/common';
import { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '@kassa/common';
import { ErrorResponseBody } from './error-response';
import { SECURITY_HEADERS } from './security-headers';

function bodyOf(error: DomainError, requestId: string): string {
  const body: ErrorResponseBody = {
    error: { code: error.code, message: error.message, requestId },
  };
  return JSON.stringify(body);
}

/**
 * Fastify's router refuses some URLs before any hook or handler runs (a path parameter over the
 * length limit, a malformed URL). They are answered here in the shared shape, with the request
 * id and the security headers every other response carries.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const refusal =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new UriTooLongError()
      : new ValidationError('The URL is malformed');
  void reply
    .headers(SECURITY_HEADERS)
    .header(REQUEST_ID_HEADER, request.id)
    .header('content-type', 'application/json; charset=utf-8')
    .status(refusal.status)
    .send(bodyOf(refusal, request.id));
}

/**
 * Node's HTTP parser refuses some requests before Fastify sees them (headers over the size limit,
 * a malformed request line). They get the shared error shape, a fresh request id and the
 * security headers, then the connection closes.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (!socket.writable) {
    socket.destroy(error);
    return;
  }
  const refusal =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new RequestHeadersTooLargeError()
      : new ValidationError('The HTTP request is malformed');
  const requestId = randomUUID();
  const body = bodyOf(refusal, requestId);
  const headers = {
    ...SECURITY_HEADERS,
    [REQUEST_ID_HEADER]: requestId,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(body)),
    Connection: 'close',
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n');
  socket.end(`HTTP/1.1 ${refusal.status} ${STATUS_TEXT[refusal.status]}\r\n${head}\r\n\r\n${body}`);
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  431: 'Request Header Fields Too Large',
};
