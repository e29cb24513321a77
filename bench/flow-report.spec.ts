import { FlowResult, formatFlowTable } from './flow-report';

const CHECKOUT: FlowResult = {
  name: 'checkout',
  iteration: '3 × POST /cart/items, POST /orders',
  measured: 'POST /orders',
  iterationsPerSecond: 412.345,
  iterations: 4_123,
  requests: 16_492,
  p50Ms: 61.7,
  p99Ms: 148.2,
  errors: 0,
  non2xx: 3,
  cpuMsPerIteration: { server: 2.345, database: 0.9 },
  ratioToRoof: 412.345 / 20_000,
};

describe(formatFlowTable.name, () => {
  const lines = formatFlowTable([CHECKOUT]).split('\n');

  it('has a header naming what is counted and what is timed, and one row per flow', () => {
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(
      '| flow | one iteration | timed (p50, p99) | iterations/s | p50 ms | p99 ms | errors / non-2xx | of roof | cpu ms/iteration |',
    );
    expect(lines[1]).toBe('| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  });

  it('writes every column of a flow', () => {
    expect(lines[2]).toBe(
      '| checkout | `3 × POST /cart/items, POST /orders` | `POST /orders` | 412.3 | 62 | 148 | 0 / 3 | 2.06 % | 2.35 + 0.90 |',
    );
  });
});
