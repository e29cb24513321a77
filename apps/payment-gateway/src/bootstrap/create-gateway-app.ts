import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { GatewayConfig } from '../config/gateway-config';
import { GatewayModule } from '../gateway.module';
import { fastifyOptions, registerRequestIdHeader } from '../http/fastify-options';
import { setupSwagger } from '../http/swagger';

/** The initialised (store open, not yet listening) gateway on Fastify; shared by main and tests. */
export async function createGatewayApp(config: GatewayConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    GatewayModule.forRoot(config),
    new FastifyAdapter(fastifyOptions()),
    { bufferLogs: true, abortOnError: false },
  );
  app.useLogger(app.get(Logger));
  registerRequestIdHeader(app);
  setupSwagger(app);
  await app.init();
  return app;
}
