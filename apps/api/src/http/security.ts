import fastifyCookie from '@fastify/cookie';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { REQUEST_ID_HEADER } from '@kassa/common';
import { HttpConfig } from '../config/http.config';
import { SECURITY_HEADERS } from './security-headers';

/** Helmet's security headers on every answer, cookies, and CORS for the configured origins only. */
export async function registerSecurity(
  app: NestFastifyApplication,
  http: HttpConfig,
): Promise<void> {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (_request, reply, done) => {
      reply.headers(SECURITY_HEADERS);
      done();
    });
  await app.register(fastifyCookie);
  app.enableCors({
    origin: http.corsOrigins.length > 0 ? http.corsOrigins : false,
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: [REQUEST_ID_HEADER, 'retry-after'],
  });
}
