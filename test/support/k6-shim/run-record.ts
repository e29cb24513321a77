import { SyncBridge } from './sync-bridge';

export interface RecordedCheck {
  name: string;
  group: string;
  passed: boolean;
}

export interface RecordedRequest {
  method: string;
  /** The `name` tag (k6 uses the URL when there is none). */
  name: string;
  status: number;
  group: string;
  /** Whether the status is one the response callback expects: false counts in `http_req_failed`. */
  expected: boolean;
  /** k6's `http_req_duration`, near enough: sending to the last byte received. */
  durationMs: number;
}

/**
 * What a script did, as k6 would count it: every check with its group, every request with its
 * status and whether it was expected, every sample of a custom metric. The modules of the shim
 * record into it; a spec reads it.
 */
export class RunRecord {
  readonly checks: RecordedCheck[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly samples: { metric: string; value: number }[] = [];
  /** The group path k6 tags with: `''` outside groups, `::checkout` inside `group('checkout')`. */
  group = '';

  failedChecks(): RecordedCheck[] {
    return this.checks.filter((check) => !check.passed);
  }

  failedRequests(): RecordedRequest[] {
    return this.requests.filter((request) => !request.expected);
  }
}

let record = new RunRecord();
let bridge: SyncBridge | undefined;

/** The record the shim writes to now. */
export function currentRecord(): RunRecord {
  return record;
}

/** Starts a new record (one per script run). */
export function startRecord(): RunRecord {
  record = new RunRecord();
  return record;
}

/** The bridge the blocking modules share, started on first use. */
export function sharedBridge(): SyncBridge {
  bridge ??= new SyncBridge();
  return bridge;
}

export async function closeBridge(): Promise<void> {
  await bridge?.close();
  bridge = undefined;
}
