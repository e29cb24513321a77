import { ReadPreference, ReadPreferenceMode } from 'mongodb';
import { Document } from './schema';

function toReadPreference(value: Document | string): ReadPreference {
  if (typeof value === 'string') return ReadPreference.fromString(value);
  const { mode, tagSets, maxStalenessSeconds, hedge } = value;
  return new ReadPreference(mode as ReadPreferenceMode, tagSets, {
    maxStalenessSeconds,
    hedge,
  });
}

/**
 * Turns the format's common options (readPreference, readConcern, writeConcern, nested
 * defaultTransactionOptions) into what the driver accepts; other keys pass through unchanged.
 */
export function toDriverOptions(options: Document): Document {
  const converted: Document = { ...options };
  if (options.readPreference !== undefined)
    converted.readPreference = toReadPreference(options.readPreference);
  if (options.defaultTransactionOptions !== undefined) {
    converted.defaultTransactionOptions = toDriverOptions(options.defaultTransactionOptions);
  }
  return converted;
}

/** `returnDocument: "Before" | "After"` (any case) to the driver's lowercase enum. */
export function toReturnDocument(value: unknown): 'before' | 'after' {
  const normalized = String(value).toLowerCase();
  if (normalized !== 'before' && normalized !== 'after') {
    throw new Error(`returnDocument must be Before or After, got ${String(value)}`);
  }
  return normalized;
}
