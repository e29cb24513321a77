import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Counter } from 'prom-client';
import { AuthConfig, authConfig } from '../config/auth.config';
import { ScheduledJobs } from '../lifecycle/scheduled-jobs';
import { MetricsService } from '../metrics/metrics.service';
import { UsersRepository } from './users.repository';

const JOB_NAME = 'purge-unverified-users';

/**
 * Deletes accounts still unverified `UNVERIFIED_USER_TTL` after registration, every
 * `UNVERIFIED_PURGE_INTERVAL` (0 disables the schedule). Safe with several instances: one
 * `deleteMany` whose filter is the whole condition is idempotent, so instances that run it at the
 * same time simply find nothing left to delete, and a user verified meanwhile no longer matches.
 */
@Injectable()
export class UnverifiedUsersPurge implements OnApplicationBootstrap {
  private readonly logger = new Logger(UnverifiedUsersPurge.name);
  private readonly purged: Counter;

  constructor(
    private readonly users: UsersRepository,
    private readonly jobs: ScheduledJobs,
    metrics: MetricsService,
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
  ) {
    this.purged = metrics.counter(
      'kassa_unverified_users_purged_total',
      'Accounts deleted because they stayed unverified too long',
    );
  }

  onApplicationBootstrap(): void {
    this.jobs.every(JOB_NAME, this.config.unverifiedPurgeIntervalMs, () => this.purge());
  }

  /** Deletes the stale unverified accounts as of `now`; returns how many went. */
  async purge(now = new Date()): Promise<number> {
    const cutoff = new Date(now.getTime() - this.config.unverifiedUserTtlMs);
    const deleted = await this.users.deleteUnverifiedCreatedBefore(cutoff);
    if (deleted > 0) this.logger.log(`Purged ${deleted} unverified account(s)`);
    this.purged.inc(deleted);
    return deleted;
  }
}
