export * from './errors';
export * from './list-query';
export * from './request-id';
export * from './money';
