/**
 * Types of mingo's subpath exports, which the project's `moduleResolution: node` does not read
 * from mingo's package exports: each maps to the declaration files mingo ships.
 */
declare module 'mingo/core' {
  export * from 'mingo/types/core';
}
declare module 'mingo/aggregator' {
  export * from 'mingo/types/aggregator';
}
declare module 'mingo/lazy' {
  export * from 'mingo/types/lazy';
}
declare module 'mingo/types' {
  export * from 'mingo/types/types';
}
declare module 'mingo/operators/accumulator' {
  export * from 'mingo/types/operators/accumulator';
}
declare module 'mingo/operators/expression' {
  export * from 'mingo/types/operators/expression';
}
declare module 'mingo/operators/pipeline' {
  export * from 'mingo/types/operators/pipeline';
}
declare module 'mingo/operators/projection' {
  export * from 'mingo/types/operators/projection';
}
declare module 'mingo/operators/query' {
  export * from 'mingo/types/operators/query';
}
declare module 'mingo/operators/window' {
  export * from 'mingo/types/operators/window';
}
declare module 'mingo/util' {
  export * from 'mingo/types/util';
}
