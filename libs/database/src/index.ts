export * from './database-options';
export * from './database.module';
export * from './duplicate-key';
export * from './find-page';
export * from './mongo-target';
export * from './record';
export * from './transaction-runner';
