import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ClientSession, Connection } from 'mongoose';

/**
 * Runs multi-document work in one MongoDB transaction. The driver's `withTransaction` (through
 * Mongoose's `connection.transaction`) retries the whole callback on `TransientTransactionError`
 * and the commit on `UnknownTransactionCommitResult`, so `work` must be safe to run again: every
 * read and write inside it passes `session`.
 */
@Injectable()
export class TransactionRunner {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  run<T>(work: (session: ClientSession) => Promise<T>): Promise<T> {
    return this.connection.transaction(work);
  }
}
