import { Logger } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';

/**
 * Runs `run` every `intervalMs` (0 never), through the scheduler so it stops with the app. A run
 * still going when the next is due is not doubled; a failed run is logged and the next one tries
 * again. Jobs claim their work item by item with conditional updates, so any number of
 * instances may run them at once.
 */
export function scheduleIntervalJob(
  scheduler: SchedulerRegistry,
  name: string,
  intervalMs: number,
  run: () => Promise<unknown>,
): void {
  if (intervalMs === 0) return;
  const logger = new Logger(name);
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    run()
      .catch((error: Error) => logger.error(`${name} failed: ${error.message}`))
      .finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  scheduler.addInterval(name, timer);
}
