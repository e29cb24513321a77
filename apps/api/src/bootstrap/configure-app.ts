import fastifyMultipart from '@fastify/multipart';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { Configuration } from '../config/configuration';
import { registerBodyParsers } from '../http/body-parsers';
import { registerRequestIdHeader } from '../http/request-id.hook';
import { registerSecurity } from '../http/security';
import { setupSwagger } from '../http/swagger';
import { ApiValidationPipe } from '../http/validation.pipe';
import { closeConnectionsWhileShuttingDown } from '../lifecycle/graceful-shutdown';
import { HttpMetrics } from '../metrics/http-metrics';
import { useSupportIoAdapter } from '../support/socket/support-io.adapter';

/**
 * Everything between Fastify and the modules: logger, request ids, request metrics, connection
 * draining at shutdown, security headers, CORS, cookies, body parsers (JSON and multipart),
 * validation, the API docs and socket.io.
 */
export async function configureApp(
  app: NestFastifyApplication,
  configuration: Configuration,
): Promise<void> {
  app.useLogger(app.get(Logger));
  registerRequestIdHeader(app);
  app.get(HttpMetrics).attach(app.getHttpAdapter().getInstance());
  closeConnectionsWhileShuttingDown(app);
  await registerSecurity(app, configuration.http);
  registerBodyParsers(app);
  await app.register(fastifyMultipart);
  app.useGlobalPipes(new ApiValidationPipe());
  setupSwagger(app);
  app.useWebSocketAdapter(await useSupportIoAdapter(app, configuration));
}
