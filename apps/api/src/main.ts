import { Logger } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { createApp } from './bootstrap/create-app';
import { describeListeningAddress, ensurePortIsFree } from './bootstrap/listening';
import { StartupRefusal } from './bootstrap/startup-refusal';
import { loadConfiguration } from './config/configuration';
import { loadEnvFile } from './config/env-file';
import { GracefulShutdown } from './lifecycle/graceful-shutdown';

async function main(): Promise<void> {
  loadEnvFile();
  const configuration = loadConfiguration(process.env);
  const { port, host } = configuration.app;
  await ensurePortIsFree(host, port);
  const app = await createApp({ configuration });
  new GracefulShutdown(app, {
    gracePeriodMs: configuration.operations.shutdownGracePeriodMs,
  }).listen();
  await app.listen(port, host);
  const address = app.getHttpServer().address() as AddressInfo | null;
  new Logger('Main').log(
    `Kassa API listening on ${describeListeningAddress(address)} - docs at /docs`,
  );
}

main().catch((error: unknown) => {
  console.error(
    'Kassa API failed to start:',
    error instanceof StartupRefusal ? error.message : error,
  );
  process.exit(1);
});
