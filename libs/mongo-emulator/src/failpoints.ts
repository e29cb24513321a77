import type { Document } from 'bson';
import { numberOf, isPlainObject } from './query/values';

export interface FailCommandData {
  failCommands: string[];
  errorCode?: number;
  errorLabels?: string[];
  closeConnection?: boolean;
  writeConcernError?: Document;
  blockConnection?: boolean;
  blockTimeMS?: number;
  appName?: string;
  namespace?: string;
  failInternalCommands?: boolean;
  errmsg?: string;
}

interface ActiveFailPoint {
  data: FailCommandData;
  remainingTimes?: number;
  remainingSkips: number;
}

/** The `failCommand` fail point: makes chosen commands fail, block or drop the connection. */
export class FailPoints {
  private failCommand?: ActiveFailPoint;

  configure(name: string, mode: unknown, data: unknown): void {
    if (name !== 'failCommand') return;
    if (mode === 'off') {
      this.failCommand = undefined;
      return;
    }
    const failData = (isPlainObject(data) ? data : {}) as unknown as FailCommandData;
    const active: ActiveFailPoint = { data: failData, remainingSkips: 0 };
    if (isPlainObject(mode)) {
      if (mode.times !== undefined) active.remainingTimes = numberOf(mode.times);
      if (mode.skip !== undefined) active.remainingSkips = numberOf(mode.skip);
      if (mode.activationProbability !== undefined && numberOf(mode.activationProbability) === 0)
        return;
    } else if (mode !== 'alwaysOn') {
      return;
    }
    if (active.remainingTimes === 0) return;
    this.failCommand = active;
  }

  /** Returns the fail point data if it fires for this command, consuming one activation. */
  trigger(
    commandName: string,
    appName: string | undefined,
    namespace: string,
  ): FailCommandData | undefined {
    const active = this.failCommand;
    if (!active || !active.data.failCommands?.includes(commandName)) return undefined;
    if (active.data.appName !== undefined && active.data.appName !== appName) return undefined;
    if (active.data.namespace !== undefined && active.data.namespace !== namespace)
      return undefined;
    if (active.remainingSkips > 0) {
      active.remainingSkips -= 1;
      return undefined;
    }
    if (active.remainingTimes !== undefined) {
      active.remainingTimes -= 1;
      if (active.remainingTimes <= 0) this.failCommand = undefined;
    }
    return active.data;
  }
}
