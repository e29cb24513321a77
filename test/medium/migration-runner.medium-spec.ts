import { Db } from 'mongodb';
import {
  AppliedMigration,
  Migration,
  MIGRATION_LOCK_COLLECTION,
  MigrationLock,
  MigrationLogger,
  MigrationRunner,
  MIGRATIONS_COLLECTION,
} from '@kassa/database';
import { useMediumContext } from './support/medium-context';

/** A migration that counts its runs into `applied` (and can be made to do more). */
function migration(
  id: string,
  applied: string[],
  work: (db: Db) => Promise<void> = async () => undefined,
): Migration {
  return {
    id,
    description: `migration ${id}`,
    async up(db) {
      await work(db);
      applied.push(id);
    },
  };
}

function recordingLogger(): MigrationLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    log: (message) => lines.push(message),
    warn: (message) => lines.push(`warn: ${message}`),
  };
}

/** Resolves once `condition` holds, checking every 5 ms; throws after 5 s. */
async function eventually(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let waited = 0; !(await condition()); waited += 5) {
    if (waited > 5_000) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

const FAST = { pollMs: 5 };

describe(`${MigrationRunner.name} (medium)`, () => {
  const context = useMediumContext([]);
  let db: Db;

  beforeAll(() => {
    db = context.connection.db!;
  });

  beforeEach(async () => {
    await db.collection(MIGRATIONS_COLLECTION).deleteMany({});
    await db.collection(MIGRATION_LOCK_COLLECTION).deleteMany({});
  });

  const records = () =>
    db.collection<AppliedMigration>(MIGRATIONS_COLLECTION).find().sort({ _id: 1 }).toArray();
  const lockDocuments = () => db.collection(MIGRATION_LOCK_COLLECTION).find().toArray();

  it('applies the pending migrations in order and records each in "migrations"', async () => {
    const applied: string[] = [];
    const runner = new MigrationRunner(db, [
      migration('202601010000-first', applied),
      migration('202601020000-second', applied),
    ]);
    const report = await runner.run();
    expect(report).toEqual({
      applied: ['202601010000-first', '202601020000-second'],
      alreadyApplied: [],
      unknown: [],
      waitedForLock: false,
    });
    expect(applied).toEqual(['202601010000-first', '202601020000-second']);
    expect(await records()).toEqual([
      {
        _id: '202601010000-first',
        description: 'migration 202601010000-first',
        appliedAt: expect.any(Date),
        durationMs: expect.any(Number),
        appliedBy: runner.owner,
      },
      expect.objectContaining({ _id: '202601020000-second' }),
    ]);
    expect(await lockDocuments()).toEqual([]);
  });

  it('applies nothing twice, and takes no lock when nothing is pending', async () => {
    const applied: string[] = [];
    const list = [migration('202601010000-first', applied)];
    await new MigrationRunner(db, list).run();
    const tryAcquire = jest.spyOn(MigrationLock.prototype, 'tryAcquire');
    const report = await new MigrationRunner(db, list).run();
    expect(report).toMatchObject({ applied: [], alreadyApplied: ['202601010000-first'] });
    expect(tryAcquire).not.toHaveBeenCalled();
    tryAcquire.mockRestore();
    const later = await new MigrationRunner(db, [
      ...list,
      migration('202601020000-second', applied),
    ]).run();
    expect(later.applied).toEqual(['202601020000-second']);
    expect(applied).toEqual(['202601010000-first', '202601020000-second']);
  });

  it('stops at a failing migration, leaves it unrecorded, frees the lock, and retries it next time', async () => {
    const applied: string[] = [];
    let fail = true;
    const list = [
      migration('202601010000-first', applied),
      migration('202601020000-broken', applied, async () => {
        if (fail) throw new Error('backfill failed');
      }),
      migration('202601030000-third', applied),
    ];
    await expect(new MigrationRunner(db, list).run()).rejects.toThrow('backfill failed');
    expect((await records()).map((record) => record._id)).toEqual(['202601010000-first']);
    expect(await lockDocuments()).toEqual([]);
    fail = false;
    const report = await new MigrationRunner(db, list).run();
    expect(report.applied).toEqual(['202601020000-broken', '202601030000-third']);
  });

  it('waits while another runner holds the lock, then finds the work done or does it', async () => {
    await db.collection(MIGRATION_LOCK_COLLECTION).insertOne({
      _id: 'migrations' as never,
      owner: 'another-instance',
      acquiredAt: new Date(),
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const logger = recordingLogger();
    const applied: string[] = [];
    const running = new MigrationRunner(db, [migration('202601010000-first', applied)], {
      ...FAST,
      logger,
    }).run();
    await eventually(() => logger.lines.length > 0);
    expect(logger.lines).toEqual(['Waiting for the migration lock held by another-instance']);
    expect(applied).toEqual([]);
    await db.collection(MIGRATION_LOCK_COLLECTION).deleteOne({ owner: 'another-instance' });
    expect(await running).toMatchObject({ applied: ['202601010000-first'], waitedForLock: true });
  });

  it('takes over a lock whose lease ran out (its holder died)', async () => {
    await db.collection(MIGRATION_LOCK_COLLECTION).insertOne({
      _id: 'migrations' as never,
      owner: 'a-dead-instance',
      acquiredAt: new Date(Date.now() - 120_000),
      expiresAt: new Date(Date.now() - 60_000),
    });
    const applied: string[] = [];
    const report = await new MigrationRunner(db, [migration('202601010000-first', applied)]).run();
    expect(report).toMatchObject({ applied: ['202601010000-first'], waitedForLock: false });
  });

  it('renews its lease while a migration runs, so no other runner takes over', async () => {
    const leaseMs = 60;
    const renewals: Date[] = [];
    const slow = migration('202601010000-slow', [], async () => {
      await eventually(async () => {
        const lock = await db.collection(MIGRATION_LOCK_COLLECTION).findOne();
        if (lock && !renewals.some((seen) => seen.getTime() === lock.expiresAt.getTime())) {
          renewals.push(lock.expiresAt);
        }
        return renewals.length >= 3;
      });
    });
    await new MigrationRunner(db, [slow], { leaseMs }).run();
    expect(renewals.length).toBeGreaterThanOrEqual(3);
  });

  it('lets two runners that start together apply each migration exactly once', async () => {
    const applied: string[] = [];
    const logger = recordingLogger();
    const first = migration('202601010000-first', applied, async () => {
      await eventually(() => logger.lines.some((line) => line.startsWith('Waiting')));
    });
    const list = [first, migration('202601020000-second', applied)];
    const reports = await Promise.all([
      new MigrationRunner(db, list, { ...FAST, logger }).run(),
      new MigrationRunner(db, list, { ...FAST, logger }).run(),
    ]);
    expect(applied).toEqual(['202601010000-first', '202601020000-second']);
    expect(reports.map((report) => report.applied).sort()).toEqual([
      [],
      ['202601010000-first', '202601020000-second'],
    ]);
    expect(reports.map((report) => report.waitedForLock).sort()).toEqual([false, true]);
  });

  it('reports the status of every migration, and warns of applied ones it does not know', async () => {
    const applied: string[] = [];
    await new MigrationRunner(db, [
      migration('202601010000-first', applied),
      migration('202612310000-from-a-newer-version', applied),
    ]).run();
    const logger = recordingLogger();
    const runner = new MigrationRunner(
      db,
      [migration('202601010000-first', applied), migration('202601020000-second', applied)],
      { logger },
    );
    expect(await runner.status()).toEqual({
      migrations: [
        {
          id: '202601010000-first',
          description: 'migration 202601010000-first',
          appliedAt: expect.any(Date),
        },
        {
          id: '202601020000-second',
          description: 'migration 202601020000-second',
          appliedAt: undefined,
        },
      ],
      unknown: ['202612310000-from-a-newer-version'],
    });
    expect((await runner.run()).unknown).toEqual(['202612310000-from-a-newer-version']);
    expect(logger.lines).toContain(
      'warn: The database has migrations this version does not know: 202612310000-from-a-newer-version',
    );
  });

  it('refuses a list with malformed, repeated or unordered ids', () => {
    const applied: string[] = [];
    expect(
      () =>
        new MigrationRunner(db, [
          migration('202601020000-second', applied),
          migration('202601010000-first', applied),
          migration('202601010000-first', applied),
          migration('backfill', applied),
        ]),
    ).toThrow(
      'Invalid migration list: backfill does not match YYYYMMDDHHmm-what-it-does; ' +
        '202601010000-first must come after 202601020000-second, with a later id; ' +
        '202601010000-first must come after 202601010000-first, with a later id',
    );
  });
});
