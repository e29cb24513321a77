const DUPLICATE_KEY = 11000;

/** The first indexed field a MongoDB duplicate-key error (11000) names; undefined for others. */
export function duplicateKeyField(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, keyPattern, message } = error as {
    code?: number;
    keyPattern?: Record<string, unknown>;
    message?: string;
  };
  if (code !== DUPLICATE_KEY) return undefined;
  const fromPattern = keyPattern ? Object.keys(keyPattern)[0] : undefined;
  return fromPattern ?? /index: (\w+?)_-?1/.exec(message ?? '')?.[1] ?? 'unknown';
}

/** True for a duplicate-key error (11000), whatever the index. */
export function isDuplicateKey(error: unknown): boolean {
  return duplicateKeyField(error) !== undefined;
}
