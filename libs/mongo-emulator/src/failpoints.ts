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

export const FAIL_POINT_NAMES = ['failCommand', 'failGetMoreAfterCursorCheckout'] as const;

export type FailPointName = (typeof FAIL_POINT_NAMES)[number];

function activation(mode: unknown, data: unknown): ActiveFailPoint | undefined {
  const failData = (isPlainObject(data) ? data : {}) as unknown as FailCommandData;
  const active: ActiveFailPoint = { data: failData, remainingSkips: 0 };
  if (isPlainObject(mode)) {
    if (mode.times !== undefined) active.remainingTimes = numberOf(mode.times);
    if (mode.skip !== undefined) active.remainingSkips = numberOf(mode.skip);
    if (mode.activationProbability !== undefined && numberOf(mode.activationProbability) === 0)
      return undefined;
  } else if (mode !== 'alwaysOn') {
    return undefined;
  }
  return active.remainingTimes === 0 ? undefined : active;
}

/**
 * The fail points of MongoDB that driver tests use: `failCommand` makes chosen commands fail,
 * block or drop the connection; `failGetMoreAfterCursorCheckout` fails a getMore once its
 * cursor is found (so the error carries the labels of that cursor's command).
 */
export class FailPoints {
  private failCommand?: ActiveFailPoint;
  private failGetMoreAfterCursorCheckout?: ActiveFailPoint;

  configure(name: FailPointName, mode: unknown, data: unknown): void {
    this[name] = activation(mode, data);
  }

  /** The error code a getMore fails with after finding its cursor, consuming one activation. */
  triggerAfterCursorCheckout(): number | undefined {
    const active = this.failGetMoreAfterCursorCheckout;
    if (!active || !this.consume(active, 'failGetMoreAfterCursorCheckout')) return undefined;
    return active.data.errorCode;
  }

  /** Whether an active fail point fires now (not skipped), counting it. */
  private consume(active: ActiveFailPoint, name: FailPointName): boolean {
    if (active.remainingSkips > 0) {
      active.remainingSkips -= 1;
      return false;
    }
    if (active.remainingTimes !== undefined) {
      active.remainingTimes -= 1;
      if (active.remainingTimes <= 0) this[name] = undefined;
    }
    return true;
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
    return this.consume(active, 'failCommand') ? active.data : undefined;
  }
}
