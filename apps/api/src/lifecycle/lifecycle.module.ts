import { Global, Module } from '@nestjs/common';
import { ScheduledJobs } from './scheduled-jobs';
import { ShutdownState } from './shutdown-state';

/**
 * How the instance runs and stops: whether it is shutting down (readiness reads it) and the
 * recurring jobs that a shutdown stops. Global: every feature with a job injects
 * {@link ScheduledJobs}.
 */
@Global()
@Module({
  providers: [ShutdownState, ScheduledJobs],
  exports: [ShutdownState, ScheduledJobs],
})
export class LifecycleModule {}
