import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { DatabaseModule } from '@kassa/database';
import { DatabaseConfig, databaseConfig } from '../config/database.config';
import { SeedModule } from './seed.module';

/** Just enough of the app to seed a database: config, the connection and the seeder. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [databaseConfig] }),
    DatabaseModule.forRootAsync({
      inject: [databaseConfig.KEY],
      useFactory: (database: DatabaseConfig) => database,
    }),
    SeedModule,
  ],
})
export class SeedCliModule {}
