import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { Connection } from 'mongoose';
import { MONGO_TARGET } from './database-options';
import { MongoTarget } from './mongo-target';

/** Closes the connection, then stops the in-process emulator this app started, if any. */
@Injectable()
export class EmbeddedDatabaseLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('Database');

  constructor(
    @Inject(MONGO_TARGET) private readonly target: MongoTarget,
    @InjectConnection() private readonly connection: Connection,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.target.embedded) return;
    await this.connection.close();
    await this.target.stop();
    this.logger.log('Stopped the in-process MongoDB emulator');
  }
}
