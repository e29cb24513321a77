import { Db } from 'mongodb';

/**
 * One versioned change to stored data (a backfill, a rename, a collection dropped). Index changes
 * are not migrations: they live on the schemas and `syncIndexes` applies them.
 */
export interface Migration {
  /** Sortable and unique, `YYYYMMDDHHmm-what-it-does`; never changed once released. */
  readonly id: string;
  /** One line for the log and the `migrations` collection. */
  readonly description: string;
  /**
   * Applies the change through the driver. Must be safe to run again: a process that dies after
   * `up` and before its record is written runs it once more at the next start.
   */
  up(db: Db): Promise<void>;
}

/** One document per applied migration, `_id` being its id. */
export const MIGRATIONS_COLLECTION = 'migrations';

/** The lease that lets one runner at a time apply migrations. */
export const MIGRATION_LOCK_COLLECTION = 'migration_locks';

export interface AppliedMigration {
  _id: string;
  description: string;
  appliedAt: Date;
  durationMs: number;
  /** The runner that applied it: host, process id and a random suffix. */
  appliedBy: string;
}

export const MIGRATION_ID = /^\d{12}-[a-z0-9]+(-[a-z0-9]+)*$/;

/** The problems of a migration list: malformed, duplicate or unordered ids. */
export function migrationListProblems(migrations: readonly Migration[]): string[] {
  const problems = migrations
    .filter((migration) => !MIGRATION_ID.test(migration.id))
    .map((migration) => `${migration.id} does not match YYYYMMDDHHmm-what-it-does`);
  migrations.forEach((migration, index) => {
    const previous = migrations[index - 1];
    if (previous && previous.id >= migration.id) {
      problems.push(`${migration.id} must come after ${previous.id}, with a later id`);
    }
  });
  return problems;
}
