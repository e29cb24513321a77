import { ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { exitOf, listeningUrl, LogLines, spawnApi } from './support/api-process';
import { TEST_ADMIN } from './support/auth';
import { closeBridge, RunRecord } from './support/k6-shim/run-record';
import { runK6Script } from './support/k6-shim/run-script';
import { testEnvironment } from './support/test-environment';

jest.mock('k6', () => jest.requireActual('./support/k6-shim/k6'), { virtual: true });
jest.mock('k6/http', () => jest.requireActual('./support/k6-shim/k6-http'), { virtual: true });
jest.mock('k6/ws', () => jest.requireActual('./support/k6-shim/k6-ws'), { virtual: true });
jest.mock('k6/metrics', () => jest.requireActual('./support/k6-shim/k6-metrics'), {
  virtual: true,
});
jest.mock('k6/encoding', () => jest.requireActual('./support/k6-shim/k6-encoding'), {
  virtual: true,
});

const SMOKE_SCRIPT = join(__dirname, '..', 'k6', 'smoke.js');
const FLOWS = ['::browse', '::cart', '::checkout', '::returns', '::chat'];

/**
 * `k6/smoke.js` itself, run in Node: its imports of `k6`, `k6/http`, `k6/ws`, … are mapped to
 * a shim whose calls block like k6's (test/support/k6-shim), so the same setup, flows, checks and
 * teardown run against the API, here started as `npm start` starts it with the demo catalog and
 * the load-test customers. A route the load tests use that breaks, or answers otherwise than the
 * scripts check, fails this spec.
 */
describe('k6/smoke.js (e2e)', () => {
  const environment: Record<string, string> = {
    ...testEnvironment(),
    ...(process.env.MONGODB_URI && { MONGODB_URI: process.env.MONGODB_URI }),
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    PORT: '0',
    SEED_DEMO: 'true',
    SEED_CUSTOMERS: '2',
    SUPPORT_CHAT_RATE_LIMIT: '1000',
    ADMIN_USERNAME: TEST_ADMIN.username,
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
  };
  let api: ChildProcessWithoutNullStreams;
  let run: RunRecord;

  beforeAll(async () => {
    api = spawnApi(environment);
    const baseUrl = await listeningUrl(new LogLines(api));
    run = runK6Script(SMOKE_SCRIPT, {
      BASE_URL: baseUrl,
      ADMIN_USERNAME: TEST_ADMIN.username,
      ADMIN_PASSWORD: TEST_ADMIN.password,
      CUSTOMERS: '2',
    });
  }, 120_000);

  afterAll(async () => {
    await closeBridge();
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await exitOf(api);
    }
    if (environment.MONGODB_URI) {
      const client = await new MongoClient(environment.MONGODB_URI).connect();
      await client.db(environment.MONGODB_DB_NAME).dropDatabase();
      await client.close();
    }
  });

  it('passes every check of every flow', () => {
    expect(run.failedChecks()).toEqual([]);
    const checkedFlows = FLOWS.filter((flow) => run.checks.some((check) => check.group === flow));
    expect(checkedFlows).toEqual(FLOWS);
    expect(run.checks.find((check) => check.group === '::teardown')).toEqual({
      name: 'the ledger balances after the run',
      group: '::teardown',
      passed: true,
    });
  });

  it('gets only expected answers, the declined card’s 402 among them', () => {
    expect(run.failedRequests()).toEqual([]);
    const payments = run.requests.filter((request) => request.name === 'POST /orders/:id/pay');
    expect(payments.map((request) => request.status).sort()).toEqual([200, 200, 402]);
  });

  it('speaks socket.io to the support chat and times its acknowledgements', () => {
    const acks = run.samples.filter((sample) => sample.metric === 'support_chat_ack_duration');
    expect(acks).toHaveLength(3);
    expect(run.checks).toContainEqual({
      name: 'chat: the history holds both messages in order',
      group: '::chat',
      passed: true,
    });
  });
});
