import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { REQUEST_ID_HEADER } from '@kassa/common';
import { HttpConfig } from '../config/http.config';
import { HELMET_OPTIONS } from './security-headers';

/** Helmet's security headers, cookies, and CORS for the configured browser origins only. */
export async function registerSecurity(
  app: NestFastifyApplication,
  http: HttpConfig,
): Promise<void> {
  await app.register(fastifyHelmet, HELMET_OPTIONS);
  await app.register(fastifyCookie);
  app.enableCors({
    origin: http.corsOrigins.length > 0 ? http.corsOrigins : false,
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    exposedHeaders: [REQUEST_ID_HEADER, 'retry-after'],
  });
}
