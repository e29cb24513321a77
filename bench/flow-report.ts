import type { FlowMeasurement } from './flow-load';
import { formatCpu, formatMs, formatPercent } from './format';

export interface FlowResult extends FlowMeasurement {
  name: string;
  /** What one iteration sends. */
  iteration: string;
  /** What the latency columns time. */
  measured: string;
  /** Iterations per second ÷ the roof's requests per second. */
  ratioToRoof: number;
}

const HEADER = [
  'flow',
  'one iteration',
  'timed (p50, p99)',
  'iterations/s',
  'p50 ms',
  'p99 ms',
  'errors / non-2xx',
  'of roof',
  'cpu ms/iteration',
];

/** The flows as a Markdown table: iterations per second and the latency of the timed span. */
export function formatFlowTable(flows: FlowResult[]): string {
  const rows = flows.map((flow) => [
    flow.name,
    `\`${flow.iteration}\``,
    `\`${flow.measured}\``,
    flow.iterationsPerSecond.toFixed(1),
    formatMs(flow.p50Ms),
    formatMs(flow.p99Ms),
    `${flow.errors} / ${flow.non2xx}`,
    formatPercent(flow.ratioToRoof),
    formatCpu(flow.cpuMsPerIteration),
  ]);
  const lines = [HEADER, HEADER.map((_, index) => (index < 3 ? '---' : '---:')), ...rows];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}
