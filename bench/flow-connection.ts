import { Client } from 'undici';
import { parseJson } from './api-client';
import { BenchRequest } from './bench-case';
import { FlowConnection, FlowStepError } from './flow-case';

/** Idle keep-alive connections stay open this long, longer than any pause of a flow. */
const KEEP_ALIVE_MS = 60_000;

/**
 * A flow worker's own keep-alive connection (undici, one socket, no pipelining): each request
 * waits for the previous answer, as one customer's client does.
 */
export class UndiciFlowConnection implements FlowConnection {
  private readonly client: Client;

  constructor(origin: string) {
    this.client = new Client(origin, {
      pipelining: 1,
      keepAliveTimeout: KEEP_ALIVE_MS,
      keepAliveMaxTimeout: KEEP_ALIVE_MS,
    });
  }

  async send(request: BenchRequest): Promise<unknown> {
    const response = await this.client.request({
      method: request.method ?? 'GET',
      path: request.path,
      headers: request.headers,
      body: request.body,
    });
    const body = parseJson(await response.body.text());
    if (response.statusCode < 200 || response.statusCode > 299) {
      throw new FlowStepError(request, response.statusCode, body);
    }
    return body;
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
