import fastifyMultipart from '@fastify/multipart';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { httpConfig, HttpConfig } from '../config/http.config';
import { registerRequestIdHeader } from '../http/request-id.hook';
import { registerSecurity } from '../http/security';
import { setupSwagger } from '../http/swagger';
import { ApiValidationPipe } from '../http/validation.pipe';

/**
 * Everything between Fastify and the modules, shared by `main.ts` and the tests: logger,
 * request ids, security headers, CORS, cookies, validation and the API docs.
 */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  app.useLogger(app.get(Logger));
  registerRequestIdHeader(app);
  await registerSecurity(app, app.get<HttpConfig>(httpConfig.KEY));
  await app.register(fastifyMultipart);
  app.useGlobalPipes(new ApiValidationPipe());
  setupSwagger(app);
}
