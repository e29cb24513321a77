const DUPLICATE_KEY = 11000;

/** The indexed field a MongoDB duplicate-key error names, or undefined for any other error. */
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
