import { currentRecord } from './run-record';

/** `k6/metrics` for scripts run in Node: a `Trend` whose samples are recorded. */
export class Trend {
  constructor(
    readonly name: string,
    readonly isTime = false,
  ) {}

  add(value: number, tags?: Record<string, string>): void {
    if (tags !== undefined) throw new Error('the k6 shim does not take metric tags');
    currentRecord().samples.push({ metric: this.name, value });
  }
}

export default { Trend };
