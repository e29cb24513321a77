export * from './errors/domain-error';
export * from './errors/error-status';
export * from './errors/service-unavailable.error';
export * from './list-query';
export * from './request-id';
export * from './money';
