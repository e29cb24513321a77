import { appConfig } from './app.config';
import { readCoreEnvironment } from './core-environment';
import { databaseConfig } from './database.config';
import { httpConfig } from './http.config';
import { rateLimitConfig } from './rate-limit.config';

const PRODUCTION_READY = {
  NODE_ENV: 'production',
  MONGODB_URI: 'mongodb://mongo:27017/kassa?replicaSet=rs0',
  SMTP_URL: 'smtp://mail:25',
  JWT_SECRET: 'a'.repeat(32),
};

/** Runs a config factory against exactly these variables. */
function withEnvironment<T>(variables: Record<string, string>, read: () => T): T {
  const saved = process.env;
  process.env = { ...variables };
  try {
    return read();
  } finally {
    process.env = saved;
  }
}

describe(readCoreEnvironment.name, () => {
  it('accepts an empty environment', () => {
    expect(() => readCoreEnvironment({})).not.toThrow();
  });

  it('treats blank values as unset', () => {
    const env = readCoreEnvironment({ PORT: ' ', MONGODB_URI: '', NODE_ENV: 'test' });
    expect(env.PORT).toBeUndefined();
    expect(env.MONGODB_URI).toBeUndefined();
    expect(env.NODE_ENV).toBe('test');
  });

  describe('in production', () => {
    it('accepts a complete configuration', () => {
      expect(() => readCoreEnvironment(PRODUCTION_READY)).not.toThrow();
    });

    it('refuses to start without MONGODB_URI, SMTP_URL and JWT_SECRET, naming each', () => {
      expect(() => readCoreEnvironment({ NODE_ENV: 'production' })).toThrow(
        /MONGODB_URI is required.*SMTP_URL is required.*JWT_SECRET must be at least 32 bytes/,
      );
    });

    it('refuses the in-process emulator', () => {
      const { MONGODB_URI: _omitted, ...withoutDatabase } = PRODUCTION_READY;
      expect(() => readCoreEnvironment(withoutDatabase)).toThrow(
        /MONGODB_URI is required.*emulator/,
      );
    });

    it('refuses a JWT secret shorter than 32 bytes', () => {
      expect(() =>
        readCoreEnvironment({ ...PRODUCTION_READY, JWT_SECRET: 'a'.repeat(31) }),
      ).toThrow(/JWT_SECRET/);
    });

    it('counts the secret in bytes, not characters', () => {
      expect(() =>
        readCoreEnvironment({ ...PRODUCTION_READY, JWT_SECRET: 'é'.repeat(16) }),
      ).not.toThrow();
    });
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', 'eighty'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'verbose'],
    ['MONGODB_URI', 'postgres://db'],
    ['MONGODB_DB_NAME', 'kassa.prod'],
    ['BODY_LIMIT_BYTES', '12'],
    ['CORS_ORIGINS', '*'],
    ['CORS_ORIGINS', 'https://a.example/path'],
    ['TRUST_PROXY', 'sometimes'],
    ['RATE_LIMIT_PER_MINUTE', '0'],
    ['RATE_LIMIT_AUTH_PER_MINUTE', '1.5'],
  ])('refuses %s=%s with a message naming it', (name, value) => {
    expect(() => readCoreEnvironment({ [name]: value })).toThrow(
      new RegExp(`Invalid environment: .*${name}`),
    );
  });
});

describe('core config namespaces', () => {
  it('fill in the defaults', () => {
    expect(withEnvironment({}, appConfig)).toEqual({
      nodeEnv: 'development',
      production: false,
      port: 3000,
      host: '0.0.0.0',
      logLevel: 'info',
    });
    expect(withEnvironment({}, httpConfig)).toEqual({
      bodyLimitBytes: 1024 * 1024,
      trustProxy: false,
      corsOrigins: [],
    });
    expect(withEnvironment({}, databaseConfig)).toEqual({
      uri: undefined,
      dbName: 'kassa',
      production: false,
    });
    expect(withEnvironment({}, rateLimitConfig)).toEqual({ perMinute: 300, authPerMinute: 20 });
  });

  it('read the variables', () => {
    const http = withEnvironment(
      { BODY_LIMIT_BYTES: '2048', CORS_ORIGINS: 'https://a.example, http://localhost:5173' },
      httpConfig,
    );
    expect(http).toMatchObject({
      bodyLimitBytes: 2048,
      corsOrigins: ['https://a.example', 'http://localhost:5173'],
    });
  });

  it.each([
    ['true', true],
    ['false', false],
    ['2', 2],
    ['10.0.0.1, 10.0.0.0/8', ['10.0.0.1', '10.0.0.0/8']],
  ])('read TRUST_PROXY=%s', (value, expected) => {
    expect(withEnvironment({ TRUST_PROXY: value }, httpConfig).trustProxy).toEqual(expected);
  });
});
