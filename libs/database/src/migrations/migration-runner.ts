import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Collection, Db } from 'mongodb';
import {
  AppliedMigration,
  Migration,
  migrationListProblems,
  MIGRATIONS_COLLECTION,
} from './migration';
import { MigrationLock, MigrationLockOptions } from './migration-lock';

export interface MigrationLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface MigrationRunnerOptions extends Partial<MigrationLockOptions> {
  logger?: MigrationLogger;
}

export interface MigrationReport {
  /** Applied by this run, in order. */
  applied: string[];
  /** Already applied before this run. */
  alreadyApplied: string[];
  /** Recorded in the database but unknown to this code (applied by a newer version). */
  unknown: string[];
  /** Whether this run found the lock held by another runner and waited for it. */
  waitedForLock: boolean;
}

export interface MigrationStatus {
  id: string;
  description: string;
  appliedAt?: Date;
}

const DEFAULTS: MigrationLockOptions = { leaseMs: 60_000, pollMs: 500 };
const SILENT: MigrationLogger = { log: () => undefined, warn: () => undefined };

/**
 * Applies the pending migrations of a list, in order, each exactly once however many instances
 * start together: a runner with nothing pending returns at once; otherwise it takes the
 * {@link MigrationLock} (waiting while another runner holds it), reads again what is applied, and
 * runs and records each pending migration in `migrations`. A failing migration stops the run
 * (and the start-up) unrecorded, and the lock is released.
 */
export class MigrationRunner {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly records: Collection<AppliedMigration>;
  private readonly logger: MigrationLogger;
  private readonly lockOptions: MigrationLockOptions;

  constructor(
    private readonly db: Db,
    private readonly migrations: readonly Migration[],
    options: MigrationRunnerOptions = {},
  ) {
    const problems = migrationListProblems(migrations);
    if (problems.length > 0) throw new Error(`Invalid migration list: ${problems.join('; ')}`);
    this.records = db.collection<AppliedMigration>(MIGRATIONS_COLLECTION);
    this.logger = options.logger ?? SILENT;
    this.lockOptions = {
      leaseMs: options.leaseMs ?? DEFAULTS.leaseMs,
      pollMs: options.pollMs ?? DEFAULTS.pollMs,
    };
  }

  async run(): Promise<MigrationReport> {
    if ((await this.pending()).length === 0) return this.report([], false);
    const lock = new MigrationLock(this.db, this.owner, this.lockOptions);
    let waitedForLock = false;
    await lock.acquire((holder) => {
      waitedForLock = true;
      this.logger.log(`Waiting for the migration lock held by ${holder}`);
    });
    const applied = await lock.hold(
      async () => {
        const done: string[] = [];
        for (const migration of await this.pending()) {
          await this.apply(migration);
          done.push(migration.id);
        }
        return done;
      },
      (error) => this.logger.warn(`Renewing the migration lock failed: ${error.message}`),
    );
    return this.report(applied, waitedForLock);
  }

  /** Every known migration with when it was applied, and the unknown applied ones. */
  async status(): Promise<{ migrations: MigrationStatus[]; unknown: string[] }> {
    const records = await this.records.find().sort({ _id: 1 }).toArray();
    const appliedAt = new Map(records.map((record) => [record._id, record.appliedAt]));
    return {
      migrations: this.migrations.map(({ id, description }) => ({
        id,
        description,
        appliedAt: appliedAt.get(id),
      })),
      unknown: this.unknownOf(records.map((record) => record._id)),
    };
  }

  private async apply(migration: Migration): Promise<void> {
    this.logger.log(`Applying migration ${migration.id}: ${migration.description}`);
    const started = Date.now();
    await migration.up(this.db);
    await this.records.insertOne({
      _id: migration.id,
      description: migration.description,
      appliedAt: new Date(),
      durationMs: Date.now() - started,
      appliedBy: this.owner,
    });
  }

  private async appliedIds(): Promise<string[]> {
    const records = await this.records.find({}, { projection: { _id: 1 } }).toArray();
    return records.map((record) => record._id);
  }

  private async pending(): Promise<Migration[]> {
    const applied = new Set(await this.appliedIds());
    return this.migrations.filter((migration) => !applied.has(migration.id));
  }

  private unknownOf(appliedIds: string[]): string[] {
    const known = new Set(this.migrations.map((migration) => migration.id));
    return appliedIds.filter((id) => !known.has(id)).sort();
  }

  private async report(applied: string[], waitedForLock: boolean): Promise<MigrationReport> {
    const appliedIds = await this.appliedIds();
    const unknown = this.unknownOf(appliedIds);
    if (unknown.length > 0) {
      this.logger.warn(
        `The database has migrations this version does not know: ${unknown.join(', ')}`,
      );
    }
    const fresh = new Set(applied);
    return {
      applied,
      alreadyApplied: this.migrations
        .map((migration) => migration.id)
        .filter((id) => appliedIds.includes(id) && !fresh.has(id)),
      unknown,
      waitedForLock,
    };
  }
}
