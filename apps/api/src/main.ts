import { Logger } from '@nestjs/common';
import { createApp } from './bootstrap/create-app';
import { AppConfig, appConfig } from './config/app.config';
import { loadEnvFile } from './config/env-file';

async function main(): Promise<void> {
  loadEnvFile();
  const app = await createApp();
  app.enableShutdownHooks();
  const { port, host } = app.get<AppConfig>(appConfig.KEY);
  await app.listen(port, host);
  new Logger('Main').log(`Kassa API listening on ${await app.getUrl()} (docs at /docs)`);
}

main().catch((error: unknown) => {
  console.error('Kassa API failed to start:', error);
  process.exit(1);
});
