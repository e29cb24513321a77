export * from './migration';
export * from './migration-lock';
export * from './migration-runner';
