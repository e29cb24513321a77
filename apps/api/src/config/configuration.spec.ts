import { loadConfiguration } from './configuration';

const PRODUCTION_READY = {
  NODE_ENV: 'production',
  MONGODB_URI: 'mongodb://mongo:27017/kassa?replicaSet=rs0',
  SMTP_URL: 'smtp://mail:25',
  JWT_SECRET: 'a'.repeat(32),
};

describe(loadConfiguration.name, () => {
  it('accepts an empty environment and fills in the defaults', () => {
    const configuration = loadConfiguration({});
    expect(configuration.app).toEqual({
      nodeEnv: 'development',
      production: false,
      port: 3000,
      host: '0.0.0.0',
      logLevel: 'info',
    });
    expect(configuration.http).toEqual({
      bodyLimitBytes: 1024 * 1024,
      trustProxy: false,
      corsOrigins: [],
    });
    expect(configuration.database).toEqual({
      uri: undefined,
      dbName: 'kassa',
      production: false,
      serverSelectionTimeoutMs: 3000,
      connectRetries: 2,
    });
    expect(configuration.rateLimit).toEqual({ perMinute: 300, authPerMinute: 20 });
    expect(configuration.catalog).toMatchObject({ currency: 'USD', seedDemo: false });
  });

  it('treats blank values as unset', () => {
    const configuration = loadConfiguration({ PORT: ' ', MONGODB_URI: '', NODE_ENV: 'test' });
    expect(configuration.app.port).toBe(3000);
    expect(configuration.database.uri).toBeUndefined();
    expect(configuration.app.nodeEnv).toBe('test');
  });

  it('reads the variables', () => {
    const { http } = loadConfiguration({
      BODY_LIMIT_BYTES: '2048',
      CORS_ORIGINS: 'https://a.example, http://localhost:5173',
    });
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
  ])('reads TRUST_PROXY=%s', (value, expected) => {
    expect(loadConfiguration({ TRUST_PROXY: value }).http.trustProxy).toEqual(expected);
  });

  describe('in production', () => {
    it('accepts a complete configuration', () => {
      expect(() => loadConfiguration(PRODUCTION_READY)).not.toThrow();
    });

    it('refuses to start without MONGODB_URI, SMTP_URL and JWT_SECRET, naming each', () => {
      expect(() => loadConfiguration({ NODE_ENV: 'production' })).toThrow(
        /MONGODB_URI is required.*emulator.*SMTP_URL is required.*JWT_SECRET is required/,
      );
    });
  });

  describe('JWT_SECRET', () => {
    it('has one rule everywhere: at least 32 bytes', () => {
      expect(() => loadConfiguration({ JWT_SECRET: 'a'.repeat(31) })).toThrow(
        /JWT_SECRET must be at least 32 bytes/,
      );
      expect(() => loadConfiguration({ ...PRODUCTION_READY, JWT_SECRET: 'a'.repeat(31) })).toThrow(
        /JWT_SECRET must be at least 32 bytes/,
      );
    });

    it('counts bytes, not characters', () => {
      expect(() => loadConfiguration({ JWT_SECRET: 'é'.repeat(16) })).not.toThrow();
    });

    it('is random per process when unset outside production', () => {
      expect(loadConfiguration({}).auth.jwtSecret).not.toBe(loadConfiguration({}).auth.jwtSecret);
    });
  });

  it('wants the admin seed variables all together', () => {
    expect(() => loadConfiguration({ ADMIN_USERNAME: 'root' })).toThrow(
      /ADMIN_USERNAME, ADMIN_EMAIL and ADMIN_PASSWORD together/,
    );
  });

  it('reports every problem of every section in one message', () => {
    expect(() =>
      loadConfiguration({ PORT: 'eighty', SHOP_CURRENCY: 'dollars', SMTP_URL: 'mail' }),
    ).toThrow(/PORT.*SHOP_CURRENCY.*SMTP_URL/);
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
    ['JWT_ACCESS_TTL', 'forever'],
    ['PRODUCT_IMAGE_MAX_BYTES', '1'],
  ])('refuses %s=%s with a message naming it', (name, value) => {
    expect(() => loadConfiguration({ [name]: value })).toThrow(
      new RegExp(`Invalid environment: .*${name}`),
    );
  });
});
