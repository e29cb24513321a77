import { DynamicModule, Global, Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DATABASE_OPTIONS, DatabaseOptions, MONGO_TARGET } from './database-options';
import { EmbeddedDatabaseLifecycle } from './embedded-database.lifecycle';
import { DatabaseHealth } from './database-health';
import { DatabasePreparation, MIGRATIONS } from './database-preparation';
import { Migration } from './migrations';
import { MongoTarget, resolveMongoTarget } from './mongo-target';
import './query-safety';
import './query-stack-traces';
import { TransactionRunner } from './transaction-runner';

/** Resolves the options and the MongoDB to use, for the Mongoose connection factory. */
@Module({})
class MongoTargetModule {
  static register(options: DatabaseOptions): DynamicModule {
    return {
      module: MongoTargetModule,
      providers: [
        { provide: DATABASE_OPTIONS, useValue: options },
        { provide: MONGO_TARGET, useFactory: resolveMongoTarget, inject: [DATABASE_OPTIONS] },
      ],
      exports: [DATABASE_OPTIONS, MONGO_TARGET],
    };
  }
}

export interface DatabaseModuleExtras {
  /** Applied at start-up, before indexes are synced (see {@link DatabasePreparation}). */
  migrations?: readonly Migration[];
}

/**
 * The app's one Mongoose connection (global): `MONGODB_URI` when set, else the in-process
 * emulator. Automatic index builds are off (collections are still created as models compile);
 * {@link DatabasePreparation} applies pending migrations and then syncs every model's indexes
 * during start-up instead. Operations are not buffered while the database is away: they fail
 * after the selection timeout. Exports {@link TransactionRunner} and {@link DatabaseHealth}.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseOptions, extras: DatabaseModuleExtras = {}): DynamicModule {
    const target = MongoTargetModule.register(options);
    return {
      module: DatabaseModule,
      imports: [
        target,
        MongooseModule.forRootAsync({
          imports: [target],
          inject: [MONGO_TARGET, DATABASE_OPTIONS],
          useFactory: (mongo: MongoTarget, database: DatabaseOptions) => ({
            uri: mongo.uri,
            dbName: database.dbName,
            autoIndex: false,
            bufferCommands: false,
            serverSelectionTimeoutMS: database.serverSelectionTimeoutMs,
            retryAttempts: database.connectRetries,
            retryDelay: 1000,
          }),
        }),
      ],
      providers: [
        { provide: MIGRATIONS, useValue: extras.migrations ?? [] },
        TransactionRunner,
        DatabasePreparation,
        EmbeddedDatabaseLifecycle,
        DatabaseHealth,
      ],
      exports: [TransactionRunner, DatabaseHealth],
    };
  }
}
