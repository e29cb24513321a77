export * from './database-options';
export * from './database.module';
export * from './find-page';
export * from './mongo-target';
export * from './transaction-runner';
