export * from './list-query.types';
export * from './parse-list-query';
export * from './to-page';
