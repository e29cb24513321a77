import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { MetricsService } from '../metrics/metrics.service';
import { ScheduledJobs } from './scheduled-jobs';

const TICK_MS = 5;

/** A promise with its resolver, to hold a job run open until the test lets it finish. */
function gate(): { opened: Promise<void>; open(): void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

/** Resolves once `condition` holds, checking on every tick; fails the test after 5 s. */
async function eventually(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += TICK_MS) {
    if (waited > 5_000) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
}

describe(ScheduledJobs.name, () => {
  let registry: SchedulerRegistry;
  let metrics: MetricsService;
  let jobs: ScheduledJobs;

  beforeEach(() => {
    registry = new SchedulerRegistry();
    metrics = new MetricsService();
    jobs = new ScheduledJobs(registry, metrics);
  });

  afterEach(() => jobs.stop());

  it('runs a job again and again, under its name in the scheduler registry', async () => {
    let runs = 0;
    jobs.every('count', TICK_MS, async () => {
      runs += 1;
    });
    expect(registry.getIntervals()).toEqual(['count']);
    await eventually(() => runs >= 3);
  });

  it('schedules nothing for an interval of 0 (the job is off)', () => {
    jobs.every('off', 0, async () => undefined);
    expect(registry.getIntervals()).toEqual([]);
  });

  it('never starts a run while the previous run of the same job is still going', async () => {
    const release = gate();
    let started = 0;
    jobs.every('slow', TICK_MS, async () => {
      started += 1;
      await release.opened;
    });
    await eventually(() => started === 1);
    await new Promise((resolve) => setTimeout(resolve, TICK_MS * 10));
    expect([started, jobs.inProgress]).toEqual([1, ['slow']]);
    release.open();
    await eventually(() => started === 2);
  });

  it('logs and counts a failed run, and runs again at the next tick', async () => {
    const error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    let runs = 0;
    jobs.every('flaky', TICK_MS, async () => {
      runs += 1;
      if (runs === 1) throw new Error('database unreachable');
    });
    await eventually(() => runs >= 2);
    await jobs.stop();
    expect(error).toHaveBeenCalledWith('Job flaky failed: database unreachable');
    const { body } = await metrics.scrape();
    expect(body).toContain('kassa_job_runs_total{job="flaky",outcome="failed"} 1');
    expect(body).toMatch(/kassa_job_runs_total\{job="flaky",outcome="succeeded"\} [1-9]/);
    expect(body).toMatch(/kassa_job_duration_seconds_count\{job="flaky"\} [2-9]/);
    error.mockRestore();
  });

  describe('stop', () => {
    it('ends every schedule, those registered elsewhere too, and waits for the run in progress', async () => {
      const foreign = setInterval(() => undefined, 60_000);
      registry.addInterval('registered-elsewhere', foreign);
      const release = gate();
      let finished = false;
      let runs = 0;
      jobs.every('slow', TICK_MS, async () => {
        runs += 1;
        await release.opened;
        finished = true;
      });
      await eventually(() => runs === 1);
      const stopped = jobs.stop();
      expect(registry.getIntervals()).toEqual([]);
      let stopResolved = false;
      void stopped.then(() => (stopResolved = true));
      await new Promise((resolve) => setTimeout(resolve, TICK_MS * 4));
      expect(stopResolved).toBe(false);
      release.open();
      await stopped;
      expect([finished, runs, jobs.inProgress]).toEqual([true, 1, []]);
    });

    it('schedules nothing once stopped', async () => {
      await jobs.stop();
      jobs.every('late', TICK_MS, async () => undefined);
      expect(registry.getIntervals()).toEqual([]);
    });
  });
});
