import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';

/**
 * Builds every registered model's indexes before the app serves. Models are compiled when their
 * feature modules are instantiated, which precedes every `onModuleInit`; this hook belongs to a
 * global module, and Nest runs global modules' hooks first, so indexes exist before any other
 * module's start-up work (seeding included) and long before `listen`.
 */
@Injectable()
export class IndexSynchronizer implements OnModuleInit {
  private readonly logger = new Logger('Database');

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onModuleInit(): Promise<void> {
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
