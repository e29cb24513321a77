import { DynamicModule, Logger, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';
import { Configuration, loadConfiguration } from '../config/configuration';
import { fastifyOptions } from '../http/fastify-options';
import { configureApp } from './configure-app';

export interface CreateAppOptions {
  /** Read from `process.env` when not given; validated once, here. */
  configuration?: Configuration;
  /** Modules booted beside the API (test-only routes). */
  imports?: (Type | DynamicModule)[];
}

@Module({})
class ApiRootModule {}

/**
 * Builds the configured, initialised (indexes synced, not yet listening) application on Fastify.
 * The configuration is read once: the adapter needs its HTTP part before Nest exists, and the
 * modules get every section through `ConfigurationModule`. An app that fails to start is closed
 * (its database connection included) before the error goes on.
 */
export async function createApp(options: CreateAppOptions = {}): Promise<NestFastifyApplication> {
  const configuration = options.configuration ?? loadConfiguration(process.env);
  const adapter = new FastifyAdapter(fastifyOptions(configuration.http));
  const root: DynamicModule = {
    module: ApiRootModule,
    imports: [AppModule.register(configuration), ...(options.imports ?? [])],
  };
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    bufferLogs: true,
    abortOnError: false,
    bodyParser: false,
  });
  try {
    await configureApp(app, configuration);
    configuration.warnings.forEach((warning) => new Logger('Configuration').warn(warning));
    await app.init();
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  return app;
}
