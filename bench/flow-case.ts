import { BenchContext, BenchRequest } from './bench-case';

/** A request of a flow answered outside 2xx: the iteration stops there. */
export class FlowStepError extends Error {
  constructor(
    readonly request: BenchRequest,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`${request.method ?? 'GET'} ${request.path} answered ${status}: ${JSON.stringify(body)}`);
    this.name = FlowStepError.name;
  }
}

/** One worker's keep-alive connection to the API. */
export interface FlowConnection {
  /** Sends the request and returns the parsed body; an answer outside 2xx throws `FlowStepError`. */
  send(request: BenchRequest): Promise<unknown>;
}

/** Wraps the steps whose latency the flow reports; what runs outside it is not timed. */
export type TimedSpan = <T>(steps: () => Promise<T>) => Promise<T>;

/** One iteration of a flow, on its worker's connection. */
export type FlowIteration = (connection: FlowConnection, timed: TimedSpan) => Promise<void>;

/** What a flow's setup hands the flow driver. */
export interface PreparedFlow {
  /** One iteration function per worker, each with its own customer, cart and products. */
  workers: FlowIteration[];
  /** Undoes what the setup made, once the flow has been measured. */
  teardown?: () => Promise<void>;
}

/**
 * A case that needs several requests per iteration (fill a cart, order, pay): each worker loops
 * over its own iteration on its own connection, and the table reports iterations per second and
 * the latency of the timed span.
 */
export interface FlowCase {
  kind: 'flow';
  /** The name for `BENCH_CASES`. */
  name: string;
  /** What one iteration sends, as the table shows it. */
  iteration: string;
  /** The step or steps the latency columns time. */
  measured: string;
  setup(context: BenchContext, workers: number): Promise<PreparedFlow>;
}
