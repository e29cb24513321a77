import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { BenchCatalog } from './bench-case';
import { Pinning } from './bench-config';
import { BenchProcess, freePort, ProcessOptions, runToCompletion, startProcess } from './processes';

export const ROOT = join(__dirname, '..');
const REGISTER = join(ROOT, 'tools/register.js');
const DB_NAME = 'kassa_bench';
const START_TIMEOUT_MS = 120_000;

/** The admin the API seeds at start-up; the bearer-token cases log in as it. */
export const BENCH_ADMIN = {
  username: 'bench_admin',
  email: 'bench-admin@example.com',
  password: randomBytes(12).toString('base64url'),
};

export interface SystemUnderTest {
  baseUrl: string;
  apiPid: number;
  /** The standalone emulator's process (production mode). */
  emulatorPid?: number;
  mongoUri: string;
  dbName: string;
  /** What runs on which cpu, in words (empty when nothing is pinned). */
  placement: string;
  catalog: BenchCatalog;
  stop(): Promise<void>;
}

export interface Placement {
  logDir: string;
  pinning: Pinning;
  /** Where the API sends its mails (the benchmark's own sink). */
  smtpUrl: string;
  /** Where the API writes its CPU profile (`node --cpu-prof`) when it stops; none when unset. */
  cpuProfileDir?: string;
}

/** Loads the benchmark's catalog into the seeded database. */
export type CatalogLoader = (mongoUri: string, dbName: string) => Promise<BenchCatalog>;

/**
 * Production mode: a standalone emulator (`npm run emulator`), the demo catalog (`npm run seed`)
 * and the built API (`dist/apps/api/main.js`) with NODE_ENV=production pointed at it. `loadCatalog`
 * runs between the seed and the API's start, so the API syncs its indexes over the full catalog.
 */
export async function startProduction(
  placement: Placement,
  loadCatalog: CatalogLoader,
): Promise<SystemUnderTest> {
  const { pinning } = placement;
  const started: BenchProcess[] = [];
  const stop = () => stopAll(started);
  try {
    const emulator = startProcess(
      'emulator',
      process.execPath,
      [
        ...profiling(placement),
        '-r',
        REGISTER,
        join(ROOT, 'libs/mongo-emulator/src/cli.ts'),
        '--port',
        '0',
      ],
      options(placement, {}, pinning.enabled ? pinning.emulatorCpu : undefined),
    );
    started.push(emulator);
    const [, mongoUri] = await emulator.waitForOutput(/listening: (mongodb:\/\/\S+)/, 60_000);
    await seedDemoCatalog(placement, mongoUri);
    const catalog = await loadCatalog(mongoUri, DB_NAME);
    const port = await freePort();
    const api = startProcess(
      'api',
      process.execPath,
      [...profiling(placement), join(ROOT, 'dist/apps/api/main.js')],
      options(
        placement,
        {
          ...apiEnvironment(port, placement),
          NODE_ENV: 'production',
          MONGODB_URI: mongoUri,
        },
        pinning.enabled ? pinning.serverCpu : undefined,
      ),
    );
    started.push(api);
    const baseUrl = `http://127.0.0.1:${port}`;
    await api.waitForHttp(`${baseUrl}/health`, START_TIMEOUT_MS);
    const where = pinning.enabled
      ? `API and roof on cpu ${pinning.serverCpu}, emulator process on cpu ${pinning.emulatorCpu}, load generator on cpu ${pinning.loadCpu}`
      : '';
    return {
      baseUrl,
      apiPid: api.pid,
      emulatorPid: emulator.pid,
      mongoUri,
      dbName: DB_NAME,
      placement: where,
      catalog,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Embedded mode, as `npm start` runs: the API from source in development mode, starting its own
 * in-process emulator; the catalog is loaded through that emulator's port once the API is up.
 */
export async function startEmbedded(
  placement: Placement,
  loadCatalog: CatalogLoader,
): Promise<SystemUnderTest> {
  const { pinning } = placement;
  const port = await freePort();
  const api = startProcess(
    'api',
    process.execPath,
    [...profiling(placement), '-r', REGISTER, join(ROOT, 'apps/api/src/main.ts')],
    options(
      placement,
      { ...apiEnvironment(port, placement), NODE_ENV: 'development' },
      pinning.enabled ? pinning.serverCpu : undefined,
    ),
  );
  const stop = () => stopAll([api]);
  try {
    const baseUrl = `http://127.0.0.1:${port}`;
    await api.waitForHttp(`${baseUrl}/health`, START_TIMEOUT_MS);
    const [, mongoUri] = await api.waitForOutput(/emulator at (mongodb:\/\/[^\s"]+?)\.\s/, 5_000);
    await seedDemoCatalog(placement, mongoUri);
    const catalog = await loadCatalog(mongoUri, DB_NAME);
    const where = pinning.enabled
      ? `API with its in-process emulator, and roof, on cpu ${pinning.serverCpu}, load generator on cpu ${pinning.loadCpu}`
      : '';
    return { baseUrl, apiPid: api.pid, mongoUri, dbName: DB_NAME, placement: where, catalog, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function profiling({ cpuProfileDir }: Placement): string[] {
  return cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [];
}

/** `npm run build`: the production mode runs `dist/`, so it is built from the sources at hand. */
export function buildApi(logDir: string): Promise<void> {
  return runToCompletion('build', 'npm', ['run', 'build'], {
    cwd: ROOT,
    logDir,
    env: baseEnvironment(),
  });
}

/** `npm run seed`: the demo catalog's 8 brands, 6 categories and 303 products, idempotently. */
function seedDemoCatalog({ logDir }: Placement, mongoUri: string): Promise<void> {
  return runToCompletion('seed', 'npm', ['run', 'seed'], {
    cwd: ROOT,
    logDir,
    env: {
      ...baseEnvironment(),
      NODE_ENV: 'development',
      MONGODB_URI: mongoUri,
      MONGODB_DB_NAME: DB_NAME,
    },
  });
}

/**
 * What every API run gets: limits out of the way, quiet logs, a real secret, a seeded admin, the
 * mail sink, the in-process card processor.
 */
function apiEnvironment(port: number, { smtpUrl }: Placement): Record<string, string> {
  return {
    SMTP_URL: smtpUrl,
    PAYMENT_GATEWAY: 'mock',
    PORT: String(port),
    HOST: '127.0.0.1',
    MONGODB_DB_NAME: DB_NAME,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    JWT_ACCESS_TTL: '2h',
    RATE_LIMIT_PER_MINUTE: '1000000000',
    RATE_LIMIT_AUTH_PER_MINUTE: '1000000',
    LOG_LEVEL: 'warn',
    ADMIN_USERNAME: BENCH_ADMIN.username,
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
  };
}

/** Only what a process needs to run: nothing of the caller's MONGODB_URI, NODE_ENV and the like. */
function baseEnvironment(): Record<string, string | undefined> {
  return { PATH: process.env.PATH, HOME: process.env.HOME };
}

/**
 * Servers run in the log folder: the API reads a `.env` from its working directory, and the
 * benchmark's settings must be exactly the ones above.
 */
function options(
  { logDir }: Placement,
  env: Record<string, string>,
  cpu: number | undefined,
): ProcessOptions {
  return { cwd: logDir, logDir, env: { ...baseEnvironment(), ...env }, cpu };
}

async function stopAll(processes: BenchProcess[]): Promise<void> {
  for (const started of [...processes].reverse()) await started.stop();
}

/** The roof: a bare node:http server on the API's cpu. */
export async function startRoof(
  placement: Placement,
): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const { pinning } = placement;
  const roof = startProcess(
    'roof',
    process.execPath,
    ['-r', REGISTER, join(ROOT, 'bench/roof-server.ts')],
    options(placement, {}, pinning.enabled ? pinning.serverCpu : undefined),
  );
  try {
    const [, url] = await roof.waitForOutput(/listening: (http:\/\/\S+)/, 30_000);
    return { url, pid: roof.pid, stop: () => roof.stop() };
  } catch (error) {
    await roof.stop();
    throw error;
  }
}
