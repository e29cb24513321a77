import { BenchSettings, Pinning } from './bench-config';
import { type FlowResult, formatFlowTable } from './flow-report';
import { formatCpu, formatMs, formatPercent } from './format';

export { formatCpu, formatMs, formatPercent };

/** One measured run of the load generator. */
export interface Measurement {
  requestsPerSecond: number;
  /** Latency percentiles in milliseconds. */
  p50Ms: number;
  p99Ms: number;
  /** Responses received during the measured duration. */
  requests: number;
  /** Connection errors and timeouts. */
  errors: number;
  non2xx: number;
  /** CPU milliseconds per response, of the server and of a database in its own process. */
  cpuMsPerRequest: CpuPerRequest;
}

export interface CpuPerRequest {
  server?: number;
  database?: number;
}

export interface CaseResult extends Measurement {
  name: string;
  route: string;
  /** requests per second ÷ the roof's (the mean of its two measurements). */
  ratioToRoof: number;
}

export type BenchMode = 'production' | 'embedded';

export interface BenchReport {
  startedAt: string;
  mode: BenchMode;
  /** What runs where, in words, e.g. "API on cpu 0, emulator on cpu 0, load on cpu 1". */
  placement: string;
  settings: Omit<BenchSettings, 'caseNames' | 'pinning' | 'build' | 'cpuProfile'>;
  pinning: Pinning;
  machine: { node: string; cpus: number; loadAverage: number[] };
  roof: { before: Measurement; after: Measurement; requestsPerSecond: number };
  cases: CaseResult[];
  /** The flows, each iteration several requests, compared with the same roof. */
  flows: FlowResult[];
}

/** The roof the cases are compared with: the mean of the bare server's runs. */
export function roofRate(before: Measurement, after: Measurement): number {
  return (before.requestsPerSecond + after.requestsPerSecond) / 2;
}

export function ratioToRoof(requestsPerSecond: number, roofRequestsPerSecond: number): number {
  return roofRequestsPerSecond > 0 ? requestsPerSecond / roofRequestsPerSecond : 0;
}

const HEADER = [
  'case',
  'route',
  'req/s',
  'p50 ms',
  'p99 ms',
  'errors / non-2xx',
  'of roof',
  'cpu ms/req',
];

function row(name: string, route: string, measurement: Measurement, ofRoof: string): string[] {
  return [
    name,
    `\`${route}\``,
    measurement.requestsPerSecond.toFixed(0),
    formatMs(measurement.p50Ms),
    formatMs(measurement.p99Ms),
    `${measurement.errors} / ${measurement.non2xx}`,
    ofRoof,
    formatCpu(measurement.cpuMsPerRequest),
  ];
}

/** The results as a Markdown table: the roof before, every case, the roof after. */
export function formatTable(report: Pick<BenchReport, 'roof' | 'cases'>): string {
  const roofShare = (measurement: Measurement) =>
    formatPercent(ratioToRoof(measurement.requestsPerSecond, report.roof.requestsPerSecond));
  const rows = [
    row(
      'roof (before)',
      'GET / (bare node:http)',
      report.roof.before,
      roofShare(report.roof.before),
    ),
    ...report.cases.map((result) =>
      row(result.name, result.route, result, formatPercent(result.ratioToRoof)),
    ),
    row('roof (after)', 'GET / (bare node:http)', report.roof.after, roofShare(report.roof.after)),
  ];
  const lines = [HEADER, HEADER.map((_, index) => (index < 2 ? '---' : '---:')), ...rows];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The whole Markdown report: what ran, how, then the table. */
export function formatReport(report: BenchReport): string {
  const { settings, machine } = report;
  const pinning = report.pinning.enabled
    ? report.placement
    : `not pinned (${report.pinning.reason})`;
  return [
    `# API benchmark, ${report.startedAt}`,
    '',
    `- mode: ${report.mode === 'production' ? 'production (built API, standalone emulator)' : 'embedded (API from source, development mode, in-process emulator)'}`,
    `- catalog: ${settings.products} products; ${settings.connections} connections, ` +
      `${settings.warmupSeconds} s warm-up, ${settings.durationSeconds} s measured per case`,
    `- pinning: ${pinning}`,
    `- machine: ${machine.cpus} cpus, Node ${machine.node}, load average at start ` +
      machine.loadAverage.map((load) => load.toFixed(2)).join(' '),
    '- "of roof": req/s as a share of a bare node:http server answering a small JSON body, ' +
      'measured before and after the cases (the mean of both); other work on the machine makes ' +
      'the numbers noisy',
    '- "cpu ms/req": CPU time per response of the API process, + the emulator process when it ' +
      "runs on its own (production mode); the roof row shows the bare server's",
    '',
    formatTable(report),
    '',
    ...(report.flows.length > 0 ? flowSection(report) : []),
  ].join('\n');
}

function flowSection(report: BenchReport): string[] {
  const { settings } = report;
  return [
    `Flows: ${settings.connections} workers, each a verified customer looping over its own ` +
      `iteration on one keep-alive connection; ${settings.orders} past orders among them. ` +
      '"iterations/s" counts whole iterations (every request of it, timed or not); the latency ' +
      'columns time only the timed span; "of roof" is iterations/s over the roof\'s req/s.',
    '',
    formatFlowTable(report.flows),
    '',
  ];
}
