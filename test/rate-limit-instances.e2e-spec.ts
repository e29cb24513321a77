import { randomBytes } from 'node:crypto';
import { MongoEmulator } from '@kassa/mongo-emulator';
import { MongoThrottlerStorage } from '../apps/api/src/rate-limit/mongo-throttler.storage';
import { createTestApp, TestApp } from './support';
import { eventually } from './support/eventually';
import { FrameProbeModule } from './support/frame-probe.module';

const LIMIT = 100;
/** What each instance may count before MongoDB has it: min(RATE_LIMIT_SYNC_HITS, LIMIT / 10). */
const ALLOWANCE = 10;
const MINUTE = 60_000;

/**
 * Two API instances on one database, as behind a load balancer, counting hits locally and
 * sending them to MongoDB in batches: a limit holds across both, overshooting by at most
 * `ALLOWANCE` per instance. The database is `MONGODB_URI` when set, else an emulator of its own.
 */
describe('rate limits across two API instances (e2e)', () => {
  let database: MongoEmulator | undefined;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    const uri = process.env.MONGODB_URI ?? (database = await MongoEmulator.start()).uri;
    const env = {
      MONGODB_URI: uri,
      MONGODB_DB_NAME: `kassa_limits_${randomBytes(4).toString('hex')}`,
      RATE_LIMIT_PER_MINUTE: String(LIMIT),
      RATE_LIMIT_SYNC_HITS: String(ALLOWANCE),
    };
    first = await createTestApp({ imports: [FrameProbeModule], env });
    second = await createTestApp({ imports: [FrameProbeModule], env });
  });

  afterAll(async () => {
    await second?.close();
    await first?.close();
    await database?.stop();
  });

  const storages = () => [first, second].map((instance) => instance.app.get(MongoThrottlerStorage));
  const counter = (key: string) =>
    first.connection.collection('rate_limit_counters').findOne({ _id: key as never });

  it('holds one limit over HTTP for requests spread over both instances, each 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < LIMIT + 40; attempt++) {
      const instance = attempt % 2 === 0 ? first : second;
      const response = await instance.http.get('/probe/request-id');
      statuses.push(response.status);
      if (response.status === 429)
        expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    }
    const passed = statuses.filter((status) => status === 200).length;
    expect(passed).toBeGreaterThanOrEqual(LIMIT);
    expect(passed).toBeLessThanOrEqual(LIMIT + 2 * ALLOWANCE);
    expect(statuses.filter((status) => status !== 200 && status !== 429)).toEqual([]);
    expect(statuses.slice(-10).every((status) => status === 429)).toBe(true);
  });

  it('keeps the overshoot of concurrent hits on both instances within the bound', async () => {
    const records = await Promise.all(
      storages().flatMap((storage) =>
        Array.from({ length: 150 }, () => storage.increment('concurrent', MINUTE, LIMIT)),
      ),
    );
    const admitted = records.filter((record) => !record.isBlocked).length;
    expect(admitted).toBeGreaterThanOrEqual(LIMIT);
    expect(admitted).toBeLessThanOrEqual(LIMIT + 2 * ALLOWANCE);
    await eventually(async () => expect((await counter('concurrent'))?.hits).toBe(300));
  });

  it('admits at most its allowance on a stale count another instance took past the limit', async () => {
    const [stale, busy] = storages();
    expect((await stale.increment('stale', MINUTE, LIMIT)).isBlocked).toBe(false);
    let admitted = 1;
    for (let hit = 0; hit < LIMIT + 20; hit++) {
      if (!(await busy.increment('stale', MINUTE, LIMIT)).isBlocked) admitted++;
    }
    for (let hit = 0; hit < 2 * ALLOWANCE; hit++) {
      if (!(await stale.increment('stale', MINUTE, LIMIT)).isBlocked) admitted++;
    }
    expect(admitted).toBeGreaterThanOrEqual(LIMIT);
    expect(admitted).toBeLessThanOrEqual(LIMIT + ALLOWANCE);
  });

  it('starts a new shared window on both instances once the old one expired', async () => {
    const [one, other] = storages();
    for (let hit = 0; hit < 3; hit++) await one.increment('expiring', 300, LIMIT);
    await other.increment('expiring', 300, LIMIT);
    const old = await counter('expiring');
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(await one.increment('expiring', MINUTE, LIMIT)).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
    expect((await other.increment('expiring', MINUTE, LIMIT)).totalHits).toBe(2);
    const renewed = await counter('expiring');
    expect(renewed?.expiresAt.getTime()).toBeGreaterThan(old!.expiresAt.getTime());
    await eventually(async () => expect((await counter('expiring'))?.hits).toBe(2));
  });
});
