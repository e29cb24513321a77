export * from './errors';
export * from './list-query';
export * from './request-id';
export * from './money';
export * from './idempotency';
export * from './clock';
export * from './state/transition-table';
