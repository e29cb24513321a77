import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { Migration, MigrationRunner } from './migrations';

export const MIGRATIONS = Symbol('MIGRATIONS');

/**
 * Readies the database before the app serves: first the pending migrations (one instance at a
 * time, each exactly once), then every registered model's indexes. Models are compiled when
 * their feature modules are instantiated, which precedes every `onModuleInit`; this hook belongs
 * to a global module, and Nest runs global modules' hooks first, so migrations and indexes are
 * done before any other module's start-up work (seeding included) and long before `listen`.
 */
@Injectable()
export class DatabasePreparation implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(MIGRATIONS) private readonly migrations: readonly Migration[],
  ) {}

  async onModuleInit(): Promise<void> {
    await this.migrate();
    await this.syncIndexes();
  }

  private async migrate(): Promise<void> {
    if (this.migrations.length === 0) return;
    const runner = new MigrationRunner(this.connection.db!, this.migrations, {
      logger: this.logger,
    });
    const { applied, alreadyApplied } = await runner.run();
    this.logger.log(
      applied.length > 0
        ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
        : `Migrations up to date (${alreadyApplied.length} applied)`,
    );
  }

  private async syncIndexes(): Promise<void> {
    const models = Object.values(this.connection.models);
    await Promise.all(
      models.map(async (model) => {
        await model.init();
        await model.syncIndexes();
      }),
    );
    this.logger.log(`Indexes in sync for ${models.length} collections`);
  }
}
