import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Counter, Histogram } from 'prom-client';
import { MetricsService } from '../metrics/metrics.service';

type Outcome = 'succeeded' | 'failed';

/**
 * Recurring jobs, run on every instance (each job must be safe when several instances run it at
 * once: claim work with conditional updates). A run never overlaps the previous run of the same
 * job, a failure is logged and counted and the next tick runs as planned, and every run is
 * measured (`kassa_job_runs_total`, `kassa_job_duration_seconds`). At shutdown, {@link stop}
 * ends every schedule in the `SchedulerRegistry` (also those registered without this service)
 * and waits for the runs in progress.
 */
@Injectable()
export class ScheduledJobs implements BeforeApplicationShutdown {
  private readonly logger = new Logger(ScheduledJobs.name);
  private readonly running = new Map<string, Promise<void>>();
  private readonly runs: Counter<'job' | 'outcome'>;
  private readonly duration: Histogram<'job'>;
  private stopped = false;

  constructor(
    private readonly scheduler: SchedulerRegistry,
    metrics: MetricsService,
  ) {
    this.runs = metrics.counter('kassa_job_runs_total', 'Scheduled job runs, by outcome', [
      'job',
      'outcome',
    ]);
    this.duration = metrics.histogram(
      'kassa_job_duration_seconds',
      'How long scheduled job runs take, in seconds',
      ['job'],
    );
  }

  /** Runs `work` every `intervalMs` from now on; 0 schedules nothing (the job is off). */
  every(name: string, intervalMs: number, work: () => Promise<unknown>): void {
    if (intervalMs === 0 || this.stopped) return;
    const timer = setInterval(() => void this.tick(name, work), intervalMs);
    timer.unref();
    this.scheduler.addInterval(name, timer);
  }

  /** Ends every schedule and resolves once the runs in progress are over. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const name of this.scheduler.getIntervals()) this.scheduler.deleteInterval(name);
    for (const name of this.scheduler.getTimeouts()) this.scheduler.deleteTimeout(name);
    for (const name of this.scheduler.getCronJobs().keys()) this.scheduler.deleteCronJob(name);
    await Promise.all(this.running.values());
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  /** The names of the jobs running right now. */
  get inProgress(): string[] {
    return [...this.running.keys()];
  }

  private async tick(name: string, work: () => Promise<unknown>): Promise<void> {
    if (this.stopped || this.running.has(name)) return;
    const run = this.execute(name, work);
    this.running.set(name, run);
    await run;
    this.running.delete(name);
  }

  private async execute(name: string, work: () => Promise<unknown>): Promise<void> {
    const endTimer = this.duration.startTimer({ job: name });
    let outcome: Outcome = 'succeeded';
    try {
      await work();
    } catch (error) {
      outcome = 'failed';
      this.logger.error(`Job ${name} failed: ${(error as Error).message}`);
    } finally {
      endTimer();
      this.runs.inc({ job: name, outcome });
    }
  }
}
