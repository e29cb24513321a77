import { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';
import { httpConfig } from '../config/http.config';
import { fastifyOptions } from '../http/fastify-options';
import { configureApp } from './configure-app';

/**
 * Builds the configured, initialised (indexes synced, not yet listening) application on Fastify.
 * The adapter needs the HTTP config before Nest's config module exists, so it reads it directly.
 * Tests may pass a root module that wraps `AppModule`.
 */
export async function createApp(
  rootModule: Type | DynamicModule = AppModule,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter(fastifyOptions(httpConfig()));
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  await configureApp(app);
  await app.init();
  return app;
}
