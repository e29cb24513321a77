import { Injectable } from '@nestjs/common';
import { ServiceUnavailableError } from '@kassa/common';
import { DatabaseHealth } from '@kassa/database';
import { ShutdownState } from '../lifecycle/shutdown-state';

export interface LivenessReport {
  status: 'ok';
  uptimeSeconds: number;
}

export interface ReadinessReport extends LivenessReport {
  database: 'up';
}

/**
 * Liveness (the process answers) and readiness (not shutting down, and the database answers a
 * `ping` in time).
 */
@Injectable()
export class HealthService {
  constructor(
    private readonly database: DatabaseHealth,
    private readonly shutdown: ShutdownState,
  ) {}

  live(): LivenessReport {
    return { status: 'ok', uptimeSeconds: Math.floor(process.uptime()) };
  }

  async ready(): Promise<ReadinessReport> {
    if (this.shutdown.shuttingDown) {
      throw new ServiceUnavailableError('The API is shutting down');
    }
    if (!(await this.database.isReachable())) {
      throw new ServiceUnavailableError('The database is not reachable');
    }
    return { ...this.live(), database: 'up' };
  }
}
