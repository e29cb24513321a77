import { Schema } from 'mongoose';

const CHANGING_QUERIES = [
  'updateOne',
  'updateMany',
  'findOneAndUpdate',
  'replaceOne',
  'findOneAndReplace',
  'deleteOne',
  'deleteMany',
  'findOneAndDelete',
] as const;

/**
 * Makes a collection append-only through its model: the journal is never updated or deleted
 * afterwards, so every query that would change or remove a document, and a save of a loaded
 * one, throws instead.
 */
export function appendOnly(schema: Schema, collection: string): void {
  const refuse = () => {
    throw new Error(`The ${collection} collection is append-only`);
  };
  for (const operation of CHANGING_QUERIES) schema.pre(operation, refuse);
  schema.pre('save', function (this: { isNew: boolean }) {
    if (!this.isNew) refuse();
  });
}
