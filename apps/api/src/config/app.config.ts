import { ConfigType, registerAs } from '@nestjs/config';
import { readCoreEnvironment } from './core-environment';

/** The process: environment, where it listens, how much it logs. */
export const appConfig = registerAs('app', () => {
  const env = readCoreEnvironment(process.env);
  const nodeEnv = env.NODE_ENV ?? 'development';
  return {
    nodeEnv,
    production: nodeEnv === 'production',
    port: env.PORT ?? 3000,
    host: env.HOST ?? '0.0.0.0',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
});

export type AppConfig = ConfigType<typeof appConfig>;
