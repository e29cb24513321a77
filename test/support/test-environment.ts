import { randomBytes } from 'node:crypto';

/**
 * What every test app runs with unless a spec overrides it: quiet logs, limits high enough that
 * only a spec that lowers them meets a 429, a fixed token secret and a database of its own.
 * `MONGODB_URI` is taken from the shell when set (the suites then run on that MongoDB, each app
 * in a fresh database); otherwise every app starts its own in-process emulator.
 */
export function testEnvironment(): Record<string, string> {
  return {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    MONGODB_DB_NAME: `kassa_test_${randomBytes(6).toString('hex')}`,
    RATE_LIMIT_PER_MINUTE: '100000',
    RATE_LIMIT_AUTH_PER_MINUTE: '100000',
    JWT_SECRET: 'test-only-jwt-secret-0123456789abcdef',
    PASSWORD_SCRYPT_LOG_N: '10',
  };
}

/** Sets the variables and returns how to put the previous values back. */
export function applyEnvironment(variables: Record<string, string>): () => void {
  const previous = Object.fromEntries(
    Object.keys(variables).map((name) => [name, process.env[name]]),
  );
  Object.assign(process.env, variables);
  return () => {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
