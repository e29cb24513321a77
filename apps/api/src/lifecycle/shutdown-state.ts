import { Injectable } from '@nestjs/common';

/**
 * Whether this instance is shutting down. Set once, at the first SIGTERM or SIGINT, before
 * anything else happens: from then on readiness answers 503 and every answer closes its
 * connection, so load balancers move on to other instances.
 */
@Injectable()
export class ShutdownState {
  private started = false;

  get shuttingDown(): boolean {
    return this.started;
  }

  /** Marks the shutdown as started; false when it already was. */
  begin(): boolean {
    if (this.started) return false;
    this.started = true;
    return true;
  }
}
