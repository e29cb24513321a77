import { configKey } from './config-key';
import { CoreEnvironment } from './core-environment';

export const appConfig = configKey('app');

/** The process: environment, where it listens, how much it logs. */
export function readAppConfig(env: CoreEnvironment) {
  const nodeEnv = env.NODE_ENV ?? 'development';
  return {
    nodeEnv,
    production: nodeEnv === 'production',
    port: env.PORT ?? 3000,
    host: env.HOST ?? '0.0.0.0',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}

export type AppConfig = ReturnType<typeof readAppConfig>;
