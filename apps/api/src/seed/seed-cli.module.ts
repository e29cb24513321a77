import { DynamicModule, Module } from '@nestjs/common';
import { DatabaseModule } from '@kassa/database';
import { Configuration } from '../config/configuration';
import { ConfigurationModule } from '../config/configuration.module';
import { SeedModule } from './seed.module';

/** Just enough of the app to seed a database: the configuration, the connection and the seeder. */
@Module({})
export class SeedCliModule {
  static register(configuration: Configuration): DynamicModule {
    return {
      module: SeedCliModule,
      imports: [
        ConfigurationModule.forRoot(configuration),
        DatabaseModule.forRoot(configuration.database),
        SeedModule,
      ],
    };
  }
}
