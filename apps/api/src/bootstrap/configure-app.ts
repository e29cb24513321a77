import fastifyMultipart from '@fastify/multipart';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { Configuration } from '../config/configuration';
import { registerBodyParsers } from '../http/body-parsers';
import { registerRequestIdHeader } from '../http/request-id.hook';
import { registerSecurity } from '../http/security';
import { setupSwagger } from '../http/swagger';
import { ApiValidationPipe } from '../http/validation.pipe';

/**
 * Everything between Fastify and the modules: logger, request ids, security headers, CORS,
 * cookies, body parsers (JSON and multipart), validation and the API docs.
 */
export async function configureApp(
  app: NestFastifyApplication,
  configuration: Configuration,
): Promise<void> {
  app.useLogger(app.get(Logger));
  registerRequestIdHeader(app);
  await registerSecurity(app, configuration.http);
  registerBodyParsers(app);
  await app.register(fastifyMultipart);
  app.useGlobalPipes(new ApiValidationPipe());
  setupSwagger(app);
}
