import { DynamicModule, Module } from '@nestjs/common';
import { configKey } from './config-key';
import { Configuration } from './configuration';

/**
 * Provides each section of the configuration read at start-up under its own token, to every
 * module (`@Inject(authConfig.KEY) config: AuthConfig`).
 */
@Module({})
export class ConfigurationModule {
  static forRoot(configuration: Configuration): DynamicModule {
    const providers = Object.entries(configuration).map(([name, section]) => ({
      provide: configKey(name).KEY,
      useValue: section,
    }));
    return {
      module: ConfigurationModule,
      global: true,
      providers,
      exports: providers.map((provider) => provider.provide),
    };
  }
}
