export * from './access-errors';
export * from './account-errors';
export * from './cart-errors';
export * from './catalog-errors';
export * from './domain-error';
export * from './error-catalogue';
export * from './outcome';
export * from './request-errors';
