import { IsOptional, Matches } from 'class-validator';
import { configKey } from './config-key';
import { DURATION, DURATION_MESSAGE, parseDurationMs } from './environment-parsing';

/** How operators watch and stop an instance: the metrics endpoint and the shutdown budget. */
export class OperationsEnvironment {
  /** When set, `GET /metrics` requires `Authorization: Bearer <METRICS_TOKEN>`. */
  @IsOptional()
  @Matches(/^[\x21-\x7e]{16,256}$/, {
    message: 'METRICS_TOKEN must be 16-256 printable characters without spaces',
  })
  METRICS_TOKEN?: string;

  @IsOptional()
  @Matches(DURATION, { message: DURATION_MESSAGE })
  SHUTDOWN_GRACE_PERIOD?: string;
}

export const operationsConfig = configKey('operations');

export function readOperationsConfig(env: OperationsEnvironment) {
  return {
    /** Absent: `/metrics` is public (keep it on the internal network). */
    metricsToken: env.METRICS_TOKEN,
    /** How long requests in flight and running jobs may take once a shutdown starts. */
    shutdownGracePeriodMs: parseDurationMs(env.SHUTDOWN_GRACE_PERIOD ?? '10s'),
  };
}

export type OperationsConfig = ReturnType<typeof readOperationsConfig>;
