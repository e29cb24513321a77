import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ServiceUnavailableError } from '@kassa/common';
import { Connection, ConnectionStates } from 'mongoose';

const PING_TIMEOUT_MS = 3000;

export interface HealthReport {
  status: 'ok';
  database: 'up';
  uptimeSeconds: number;
}

/** Liveness with a real round trip: the database must answer a `ping` within a few seconds. */
@Injectable()
export class HealthService {
  constructor(@InjectConnection() private readonly connection: Connection) {}

  async check(): Promise<HealthReport> {
    if (!(await this.databaseAnswers())) {
      throw new ServiceUnavailableError('The database is not reachable');
    }
    return { status: 'ok', database: 'up', uptimeSeconds: Math.floor(process.uptime()) };
  }

  private async databaseAnswers(): Promise<boolean> {
    const db = this.connection.db;
    if (this.connection.readyState !== ConnectionStates.connected || !db) return false;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
    });
    const ping = db
      .command({ ping: 1 })
      .then((reply) => reply.ok === 1)
      .catch(() => false);
    try {
      return await Promise.race([ping, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
