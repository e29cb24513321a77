import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { BenchRequest } from './bench-case';
import { FlowConnection, FlowStepError, TimedSpan } from './flow-case';
import { UndiciFlowConnection } from './flow-connection';
import { percentile, probeFlow, runWorkers } from './flow-load';

/** A connection that answers every request with `status` and counts what it got. */
function fakeConnection(status = 200): FlowConnection & { sent: BenchRequest[] } {
  const sent: BenchRequest[] = [];
  return {
    sent,
    send: async (request) => {
      sent.push(request);
      await new Promise((resolve) => setImmediate(resolve));
      if (status >= 300) throw new FlowStepError(request, status, { error: 'refused' });
      return { ok: true };
    },
  };
}

describe(percentile.name, () => {
  it('takes the nearest rank of the sorted values', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 10)).toBe(1);
  });

  it('is 0 for no values', () => {
    expect(percentile([], 99)).toBe(0);
  });
});

describe(runWorkers.name, () => {
  it('loops every worker on its own connection and times only the timed span', async () => {
    const connections = [fakeConnection(), fakeConnection()];
    const workers = connections.map(() => async (connection: FlowConnection, timed: TimedSpan) => {
      await connection.send({ path: '/untimed' });
      await timed(() => connection.send({ path: '/timed' }));
    });
    const run = await runWorkers(workers, connections, 30);
    expect(run.iterations).toBeGreaterThan(1);
    expect(run.requests).toBe(run.iterations * 2);
    expect(run.spansMs).toHaveLength(run.iterations);
    expect(connections.every((connection) => connection.sent.length > 0)).toBe(true);
    expect(run.errors + run.non2xx).toBe(0);
  });

  it('counts a non-2xx step and a connection error apart, and the workers go on', async () => {
    const failing: FlowConnection = {
      send: async () => {
        await new Promise((resolve) => setImmediate(resolve));
        throw new Error('socket hang up');
      },
    };
    const refused = fakeConnection(422);
    const iterate = async (connection: FlowConnection) =>
      void (await connection.send({ path: '/' }));
    const run = await runWorkers([iterate, iterate], [refused, failing], 20);
    expect(run.non2xx).toBe(refused.sent.length);
    expect(run.non2xx).toBeGreaterThan(1);
    expect(run.errors).toBeGreaterThan(1);
    expect(run.iterations).toBe(0);
    expect(run.spansMs).toEqual([]);
  });

  it('refuses more workers than connections', async () => {
    await expect(runWorkers([async () => undefined], [], 10)).rejects.toThrow(
      'every worker needs a connection',
    );
  });
});

describe(UndiciFlowConnection.name, () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        const status = request.url === '/refuse' ? 409 : 200;
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ method: request.method, url: request.url, body }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('sends the request and answers the parsed body', async () => {
    const connection = new UndiciFlowConnection(url);
    const answer = await connection.send({
      method: 'POST',
      path: '/orders',
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    await connection.close();
    expect(answer).toEqual({ method: 'POST', url: '/orders', body: '{"a":1}' });
  });

  it('throws a FlowStepError naming the route and status for an answer outside 2xx', async () => {
    const connection = new UndiciFlowConnection(url);
    const sent = connection.send({ path: '/refuse' });
    await expect(sent).rejects.toBeInstanceOf(FlowStepError);
    await expect(sent).rejects.toThrow('GET /refuse answered 409');
    await connection.close();
  });

  it('probes a flow with one iteration of its first worker, failing on a refusal', async () => {
    const seen: unknown[] = [];
    await probeFlow(url, {
      workers: [async (connection) => void seen.push(await connection.send({ path: '/ok' }))],
    });
    expect(seen).toEqual([{ method: 'GET', url: '/ok', body: '' }]);
    await expect(
      probeFlow(url, {
        workers: [async (connection) => void (await connection.send({ path: '/refuse' }))],
      }),
    ).rejects.toThrow('answered 409');
  });
});
