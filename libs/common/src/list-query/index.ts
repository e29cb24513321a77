export * from './list-query.types';
export * from './list-sort';
export * from './parse-list-query';
export * from './to-page';
