/**
 * mingo's subpath exports (`mingo/query`, `mingo/core`, `mingo/operators/*`) carry their own
 * types, which the project's `node` module resolution cannot find; these declarations point
 * them at the types the package root exports.
 */
declare module 'mingo/query' {
  export { Query } from 'mingo';
}

declare module 'mingo/core' {
  export { Context } from 'mingo';
}

declare module 'mingo/operators/*' {
  const operators: Record<string, never>;
  export = operators;
}
