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
    expect(configuration.rateLimit).toEqual({
      perMinute: 300,
      authPerMinute: 20,
      syncHits: 10,
      syncIntervalMs: 20,
    });
    expect(configuration.catalog).toMatchObject({ currency: 'USD', seedDemo: false });
    expect(configuration.operations).toEqual({
      metricsToken: undefined,
      shutdownGracePeriodMs: 10_000,
    });
  });

  it('reads the operations settings, and refuses a short metrics token or a bad grace period', () => {
    const { operations } = loadConfiguration({
      METRICS_TOKEN: 'scrape-token-0123456789',
      SHUTDOWN_GRACE_PERIOD: '30s',
    });
    expect(operations).toEqual({
      metricsToken: 'scrape-token-0123456789',
      shutdownGracePeriodMs: 30_000,
    });
    expect(() =>
      loadConfiguration({ METRICS_TOKEN: 'short', SHUTDOWN_GRACE_PERIOD: 'soon' }),
    ).toThrow(
      /METRICS_TOKEN must be 16-256 printable characters.*SHUTDOWN_GRACE_PERIOD must be a duration/,
    );
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

  describe('SEED_CUSTOMERS', () => {
    it('is 0 unless set, and reads a count up to 9999', () => {
      expect(loadConfiguration({}).auth.seedCustomers).toBe(0);
      expect(loadConfiguration({ SEED_CUSTOMERS: '9999' }).auth.seedCustomers).toBe(9999);
    });

    it('is refused in production, where a published password has no place', () => {
      expect(() => loadConfiguration({ ...PRODUCTION_READY, SEED_CUSTOMERS: '5' })).toThrow(
        /SEED_CUSTOMERS is refused when NODE_ENV=production/,
      );
      expect(() => loadConfiguration({ ...PRODUCTION_READY, SEED_CUSTOMERS: '0' })).not.toThrow();
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
    ['RATE_LIMIT_SYNC_HITS', '-1'],
    ['RATE_LIMIT_SYNC_INTERVAL', 'often'],
    ['JWT_ACCESS_TTL', 'forever'],
    ['PRODUCT_IMAGE_MAX_BYTES', '1'],
    ['CATALOG_NAME_CACHE_SECONDS', '-1'],
    ['CATALOG_NAME_CACHE_SECONDS', 'soon'],
    ['SEED_CUSTOMERS', '10000'],
    ['SEED_CUSTOMERS', '-1'],
    ['SEED_CUSTOMERS', 'many'],
  ])('refuses %s=%s with a message naming it', (name, value) => {
    expect(() => loadConfiguration({ [name]: value })).toThrow(
      new RegExp(`Invalid environment: .*${name}`),
    );
  });
});

describe('store information', () => {
  it('defaults to a UTC store open on weekdays and Saturday morning', () => {
    const { storeInfo } = loadConfiguration({});
    expect(storeInfo).toMatchObject({ name: 'Kassa', timeZone: 'UTC', address: null });
    expect(storeInfo.hours.monday).toEqual([{ opens: 540, closes: 1080 }]);
    expect(storeInfo.hours.saturday).toEqual([{ opens: 600, closes: 840 }]);
    expect(storeInfo.hours.sunday).toEqual([]);
  });

  it('reads STORE_HOURS with day ranges, breaks and midnight, and STORE_CLOSED_DAYS', () => {
    const { storeInfo } = loadConfiguration({
      STORE_TIME_ZONE: 'Europe/Berlin',
      STORE_HOURS: 'mon-fri 09:00-12:30,13:30-18:00; sat 10:00-24:00',
      STORE_CLOSED_DAYS: '2025-12-26, 2025-12-25',
    });
    expect(storeInfo.hours.friday).toEqual([
      { opens: 540, closes: 750 },
      { opens: 810, closes: 1080 },
    ]);
    expect(storeInfo.hours.saturday).toEqual([{ opens: 600, closes: 1440 }]);
    expect(storeInfo.closedDays.map((day) => day.date)).toEqual(['2025-12-25', '2025-12-26']);
  });

  it.each([
    [{ STORE_TIME_ZONE: 'Mars/Base' }, /STORE_TIME_ZONE Mars\/Base is not an IANA time zone/],
    [{ STORE_HOURS: 'mon 18:00-09:00' }, /STORE_HOURS mon: 18:00-09:00 is not a span/],
    [{ STORE_HOURS: 'mon 09:00-13:00,12:00-18:00' }, /STORE_HOURS mon: spans overlap/],
    [{ STORE_HOURS: 'mon-fri 09:00-18:00; fri 10:00-12:00' }, /friday is named twice/],
    [{ STORE_HOURS: 'someday 09:00-18:00' }, /someday is not a day/],
    [{ STORE_HOURS: 'mon 25:00-26:00' }, /is not a span/],
    [{ STORE_CLOSED_DAYS: '2025-02-30' }, /STORE_CLOSED_DAYS: "2025-02-30" is not a date/],
    [{ STORE_EMAIL: 'shop' }, /STORE_EMAIL must be an email address/],
    [
      { STORE_INFO_FILE: '/nonexistent/store.json' },
      /STORE_INFO_FILE \/nonexistent\/store.json cannot be read/,
    ],
  ])('refuses %p at start-up', (env, message) => {
    expect(() => loadConfiguration(env)).toThrow(message);
  });
});
