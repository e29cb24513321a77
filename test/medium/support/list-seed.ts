import { randomUUID } from 'node:crypto';
import { Connection, Model } from 'mongoose';

/**
 * How many documents each listed collection gets: enough that a plan's choice matters (a page
 * is 20), and every filter value matches many of them, so that on MongoDB the plan that walks
 * the right index wins the trial against the others by far.
 */
export const SEEDED_PER_COLLECTION = 240;

const MINUTE = 60_000;
const start = Date.now();

/**
 * Values of the i-th seeded document: times a minute apart going back from now (kept within
 * hours, so no scheduled job finds anything due), numbers and choices spread by a stride prime
 * to the modulus, so that neighbouring documents differ in every field.
 */
export const seedValue = {
  at: (i: number, stride = 1) => new Date(start - ((i * stride) % SEEDED_PER_COLLECTION) * MINUTE),
  later: (hours: number) => new Date(start + hours * 60 * MINUTE),
  number: (i: number, modulus: number) => (i * 7919) % modulus,
  pick: <T>(values: readonly T[], i: number): T => values[(i * 7) % values.length],
};

/** `count` documents made by `make` from their position, inserted through the app's model. */
export async function seedMany(
  connection: Connection,
  modelName: string,
  make: (i: number) => Record<string, unknown>,
  count = SEEDED_PER_COLLECTION,
): Promise<void> {
  const model: Model<unknown> | undefined = connection.models[modelName];
  if (!model) throw new Error(`The context has no ${modelName} model`);
  await model.insertMany(Array.from({ length: count }, (_, i) => make(i)));
}

/** Ids for the owners a seeded collection's documents are spread over: half go to the first. */
export function owners(count: number): string[] {
  return Array.from({ length: count }, () => randomUUID());
}

/** The first owner for even positions, the others in turn for odd ones. */
export function ownerOf(ids: readonly string[], i: number): string {
  return i % 2 === 0 ? ids[0] : ids[1 + (i % (ids.length - 1))];
}
