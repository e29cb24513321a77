/**
 * Types of @orama/stopwords' per-language subpath exports, which the project's
 * `moduleResolution: node` does not read from its package exports.
 */
declare module '@orama/stopwords/*' {
  export const stopwords: string[];
}
