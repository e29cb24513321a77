import { createHash } from 'node:crypto';

/** Namespace of the demo catalog's name-based ids (a fixed, randomly chosen UUID). */
const DEMO_NAMESPACE = '5d0f3c1e-7b8a-4c29-9e61-2f4b8d7a6c30';

/**
 * A name-based UUID (version 5: SHA-1 of namespace + name), so the same name always yields the
 * same id and re-seeding updates rather than duplicates.
 */
export function nameBasedUuid(name: string, namespace = DEMO_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A stable pseudo-random integer in `[0, bound)` derived from `key` (no global random state). */
export function stableInt(key: string, bound: number): number {
  return createHash('sha256').update(key, 'utf8').digest().readUInt32BE(0) % bound;
}
