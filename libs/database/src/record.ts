/**
 * A stored document as repositories hand it out: a plain object (`.lean()`) with the fields of
 * its schema class, never a Mongoose document. Every record type is derived this way.
 */
export type RecordOf<Schema> = { readonly [Field in keyof Schema]: Schema[Field] };
