import { Logger } from '@nestjs/common';
import { createGatewayApp } from './bootstrap/create-gateway-app';
import { loadEnvFile, readGatewayConfig } from './config/gateway-config';

async function main(): Promise<void> {
  loadEnvFile();
  const config = readGatewayConfig();
  const app = await createGatewayApp(config);
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  new Logger('Main').log(
    `Kassa payment gateway listening on ${await app.getUrl()} (docs at /docs)`,
  );
}

main().catch((error: unknown) => {
  console.error('Kassa payment gateway failed to start:', error);
  process.exit(1);
});
