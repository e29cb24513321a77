import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { ApiClient } from './api-client';
import { BenchCase, BenchContext } from './bench-case';
import { BenchSettings, readBenchSettings, resolvePinning } from './bench-config';
import { BenchCustomer, createCustomers } from './bench-customers';
import { BENCH_CASES } from './cases';
import { loadCatalog } from './catalog-loader';
import { FlowCase } from './flow-case';
import { FLOW_CASES } from './flow-cases';
import { measureFlow, probeFlow } from './flow-load';
import { FlowResult } from './flow-report';
import { measure } from './load';
import { startMailSink } from './mail-sink';
import { insertOrderHistory } from './order-history';
import { pinThisProcess, tasksetAvailable } from './processes';
import { BenchReport, formatReport, Measurement, ratioToRoof, roofRate } from './report';
import { selectCases } from './select-cases';
import {
  BENCH_ADMIN,
  buildApi,
  CatalogLoader,
  Placement,
  startEmbedded,
  startProduction,
  startRoof,
  SystemUnderTest,
} from './system-under-test';

/**
 * `npm run bench`: the API under load next to a bare node:http server (the roof), case by case;
 * prints a Markdown table and writes `bench/results/latest.{json,md}`. See README "Benchmarks".
 */
const RESULTS = join(__dirname, 'results');
const LOGS = join(RESULTS, 'logs');
const PROFILES = join(RESULTS, 'profiles');
const ROOF_CASE = { request: { path: '/' } };

const stopOnExit: (() => Promise<void>)[] = [];

async function main(): Promise<void> {
  const settings = readBenchSettings(process.env);
  const cases = selectCases<BenchCase | FlowCase>(
    [...BENCH_CASES, ...FLOW_CASES],
    settings.caseNames,
  );
  const pinning = resolvePinning(settings.pinning, tasksetAvailable(), availableParallelism());
  const startedAt = new Date().toISOString();
  const machine = {
    node: process.versions.node,
    cpus: availableParallelism(),
    loadAverage: loadavg(),
  };
  mkdirSync(LOGS, { recursive: true });
  const mailSink = await startMailSink();
  stopOnExit.push(mailSink.stop);
  const placement: Placement = {
    logDir: LOGS,
    pinning,
    smtpUrl: mailSink.url,
    cpuProfileDir: settings.cpuProfile ? PROFILES : undefined,
  };
  if (!settings.embedded && settings.build) {
    step('Building the API (npm run build)');
    await buildApi(LOGS);
  }
  const mode = settings.embedded ? 'embedded' : 'production';
  step(`Starting the API (${mode}), seeding, loading ${settings.products} products`);
  const loader = catalogLoader(settings.products);
  const system = await (settings.embedded
    ? startEmbedded(placement, loader)
    : startProduction(placement, loader));
  stopOnExit.push(system.stop);
  const roof = await startRoof(placement);
  stopOnExit.push(roof.stop);
  const client = await new MongoClient(system.mongoUri).connect();
  stopOnExit.push(() => client.close());

  if (pinning.enabled) pinThisProcess(pinning.loadCpu);
  const context = benchContext(system, client, settings);
  const roofTarget = { url: roof.url, serverPid: roof.pid };
  step('roof: bare node:http');
  const roofBefore = await measure(roofTarget, ROOF_CASE, settings);
  const results: { benchCase: BenchCase; measurement: Measurement }[] = [];
  const flows: Omit<FlowResult, 'ratioToRoof'>[] = [];
  for (const benchCase of cases) {
    if (isFlow(benchCase)) {
      step(`${benchCase.name}: ${benchCase.iteration} (timed: ${benchCase.measured})`);
      const { name, iteration, measured } = benchCase;
      const measurement = await runFlow(benchCase, context, system, settings);
      flows.push({ name, iteration, measured, ...measurement });
    } else {
      step(`${benchCase.name}: ${benchCase.route}`);
      const measurement = await runCase(benchCase, context, system, settings);
      results.push({ benchCase, measurement });
    }
  }
  step('roof again');
  const roofAfter = await measure(roofTarget, ROOF_CASE, settings);
  const roofRps = roofRate(roofBefore, roofAfter);
  writeResults({
    startedAt,
    mode,
    placement: system.placement,
    settings: {
      products: system.catalog.productCount,
      orders: settings.orders,
      durationSeconds: settings.durationSeconds,
      warmupSeconds: settings.warmupSeconds,
      connections: settings.connections,
      embedded: settings.embedded,
    },
    pinning,
    machine,
    roof: { before: roofBefore, after: roofAfter, requestsPerSecond: roofRps },
    cases: results.map(({ benchCase, measurement }) => ({
      name: benchCase.name,
      route: benchCase.route,
      ...measurement,
      ratioToRoof: ratioToRoof(measurement.requestsPerSecond, roofRps),
    })),
    flows: flows.map((flow) => ({
      ...flow,
      ratioToRoof: ratioToRoof(flow.iterationsPerSecond, roofRps),
    })),
  });
}

function catalogLoader(products: number): CatalogLoader {
  return async (uri, dbName) => {
    const client = await new MongoClient(uri).connect();
    try {
      return await loadCatalog(client.db(dbName), products);
    } finally {
      await client.close();
    }
  };
}

/** Setup, one probe request that must answer 2xx, warm-up and measurement, teardown. */
async function runCase(
  benchCase: BenchCase,
  context: BenchContext,
  system: SystemUnderTest,
  settings: BenchSettings,
): Promise<Measurement> {
  const prepared = await benchCase.setup(context);
  try {
    const probe = typeof prepared.request === 'function' ? prepared.request() : prepared.request;
    await context.api.expectOk(probe);
    const target = {
      url: system.baseUrl,
      serverPid: system.apiPid,
      databasePid: system.emulatorPid,
    };
    return await measure(target, prepared, settings);
  } finally {
    await prepared.teardown?.();
  }
}

/** Setup, one iteration that must get through, warm-up and measurement, teardown. */
async function runFlow(
  flow: FlowCase,
  context: BenchContext,
  system: SystemUnderTest,
  settings: BenchSettings,
) {
  const prepared = await flow.setup(context, settings.connections);
  try {
    await probeFlow(system.baseUrl, prepared);
    const target = {
      url: system.baseUrl,
      serverPid: system.apiPid,
      databasePid: system.emulatorPid,
    };
    return await measureFlow(target, prepared, settings);
  } finally {
    await prepared.teardown?.();
  }
}

function isFlow(benchCase: BenchCase | FlowCase): benchCase is FlowCase {
  return 'kind' in benchCase && benchCase.kind === 'flow';
}

function benchContext(
  system: SystemUnderTest,
  client: MongoClient,
  settings: BenchSettings,
): BenchContext {
  const api = new ApiClient(system.baseUrl);
  const db = client.db(system.dbName);
  let adminToken: Promise<string> | undefined;
  let customers: Promise<BenchCustomer[]> | undefined;
  const makeCustomers = async () => {
    const made = await createCustomers(db, api, settings.connections);
    const ids = made.map((customer) => customer.id);
    await insertOrderHistory(db, ids, system.catalog.visibleProductIds, settings.orders);
    return made;
  };
  return {
    api,
    db,
    catalog: system.catalog,
    adminToken: () => (adminToken ??= api.login(BENCH_ADMIN.username, BENCH_ADMIN.password)),
    customers: () => (customers ??= makeCustomers()),
  };
}

function writeResults(report: BenchReport): void {
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const markdown = formatReport(report);
  writeFileSync(join(RESULTS, 'latest.json'), json);
  writeFileSync(join(RESULTS, `${report.startedAt.replace(/[:.]/g, '-')}.json`), json);
  writeFileSync(join(RESULTS, 'latest.md'), markdown);
  console.log(`\n${markdown}`);
  console.log('Written: bench/results/latest.json, latest.md and a timestamped copy of the JSON');
}

function step(message: string): void {
  console.log(`[bench] ${message}`);
}

async function stopEverything(): Promise<void> {
  for (const stop of stopOnExit.splice(0).reverse()) await stop().catch(() => undefined);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopEverything().finally(() => process.exit(130)));
}

main()
  .then(stopEverything)
  .catch(async (error: unknown) => {
    await stopEverything();
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
