import {
  BenchReport,
  formatCpu,
  formatMs,
  formatPercent,
  formatReport,
  formatTable,
  Measurement,
  ratioToRoof,
  roofRate,
} from './report';

function measurement(overrides: Partial<Measurement> = {}): Measurement {
  return {
    requestsPerSecond: 20_000,
    p50Ms: 0,
    p99Ms: 12,
    requests: 200_000,
    errors: 0,
    non2xx: 0,
    cpuMsPerRequest: { server: 0.012 },
    ...overrides,
  };
}

const ROOF = {
  before: measurement({ requestsPerSecond: 18_000 }),
  after: measurement({ requestsPerSecond: 22_000 }),
  requestsPerSecond: 20_000,
};

const HEALTH = {
  name: 'health',
  route: 'GET /health',
  ...measurement({
    requestsPerSecond: 1_234.4,
    p50Ms: 38,
    p99Ms: 310,
    errors: 2,
    non2xx: 5,
    cpuMsPerRequest: { server: 0.8123, database: 0.1456 },
  }),
  ratioToRoof: 1_234.4 / 20_000,
};

describe('roofRate', () => {
  it('is the mean of the runs before and after the cases', () => {
    expect(roofRate(ROOF.before, ROOF.after)).toBe(20_000);
  });
});

describe('ratioToRoof', () => {
  it('divides by the roof', () => {
    expect(ratioToRoof(5_000, 20_000)).toBe(0.25);
  });

  it('is 0 when the roof measured nothing, rather than infinite', () => {
    expect(ratioToRoof(5_000, 0)).toBe(0);
  });
});

describe('formatPercent', () => {
  it('gives one decimal from 10 % up and two below', () => {
    expect(formatPercent(0.25)).toBe('25.0 %');
    expect(formatPercent(1.2)).toBe('120.0 %');
    expect(formatPercent(0.0617)).toBe('6.17 %');
  });
});

describe('formatMs', () => {
  it('shows whole milliseconds and "< 1" below one', () => {
    expect(formatMs(0)).toBe('< 1');
    expect(formatMs(17)).toBe('17');
    expect(formatMs(1_967.4)).toBe('1967');
  });
});

describe('formatCpu', () => {
  it('adds the database process after the server', () => {
    expect(formatCpu({ server: 3.294, database: 1.1 })).toBe('3.29 + 1.10');
  });

  it('gives one number without a database process, with more decimals when tiny', () => {
    expect(formatCpu({ server: 0.0123 })).toBe('0.012');
  });

  it('marks what could not be read', () => {
    expect(formatCpu({})).toBe('-');
    expect(formatCpu({ database: 1 })).toBe('? + 1.00');
  });
});

describe('formatTable', () => {
  const lines = formatTable({ roof: ROOF, cases: [HEALTH] }).split('\n');

  it('has a header, an alignment row, the roof around the cases', () => {
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      '| case | route | req/s | p50 ms | p99 ms | errors / non-2xx | of roof | cpu ms/req |',
    );
    expect(lines[1]).toBe('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    expect(lines[2]).toMatch(/^\| roof \(before\) \| `GET \/ \(bare node:http\)` \| 18000 \|/);
    expect(lines[4]).toMatch(/^\| roof \(after\) \|.*\| 22000 \|.*\| 110\.0 % \|/);
  });

  it('writes every column of a case', () => {
    expect(lines[3]).toBe(
      '| health | `GET /health` | 1234 | 38 | 310 | 2 / 5 | 6.17 % | 0.81 + 0.15 |',
    );
  });

  it('shows each roof run against the mean', () => {
    expect(lines[2]).toContain('| 90.0 % |');
  });
});

describe('formatReport', () => {
  const report: BenchReport = {
    startedAt: '2025-01-02T03:04:05.000Z',
    mode: 'production',
    placement: 'API and roof on cpu 0, emulator process on cpu 0, load generator on cpu 1',
    settings: {
      products: 10_000,
      orders: 10_000,
      durationSeconds: 10,
      warmupSeconds: 3,
      connections: 50,
      embedded: false,
    },
    pinning: { enabled: true, serverCpu: 0, loadCpu: 1, emulatorCpu: 0 },
    machine: { node: '20.0.0', cpus: 2, loadAverage: [1, 2, 3] },
    roof: ROOF,
    cases: [HEALTH],
    flows: [],
  };

  it('says which mode ran, with what data and placement, then gives the table', () => {
    const text = formatReport(report);
    expect(text).toContain('mode: production');
    expect(text).toContain('10000 products; 50 connections, 3 s warm-up, 10 s measured');
    expect(text).toContain('pinning: API and roof on cpu 0, emulator process on cpu 0');
    expect(text).toContain(formatTable(report));
  });

  it('gives the reason when nothing was pinned', () => {
    const text = formatReport({
      ...report,
      mode: 'embedded',
      placement: '',
      pinning: { enabled: false, reason: 'taskset is not available' },
    });
    expect(text).toContain('mode: embedded');
    expect(text).toContain('pinning: not pinned (taskset is not available)');
  });

  it('adds the flows under their own table only when some ran', () => {
    expect(formatReport(report)).not.toContain('| flow |');
    const flow = {
      name: 'checkout',
      iteration: '3 × POST /cart/items, POST /orders',
      measured: 'POST /orders',
      iterationsPerSecond: 100,
      iterations: 1_000,
      requests: 4_000,
      p50Ms: 40,
      p99Ms: 90,
      errors: 0,
      non2xx: 0,
      cpuMsPerIteration: { server: 3 },
      ratioToRoof: 0.005,
    };
    const text = formatReport({ ...report, flows: [flow] });
    expect(text).toContain('50 workers, each a verified customer');
    expect(text).toContain('10000 past orders among them');
    expect(text).toContain(
      '| checkout | `3 × POST /cart/items, POST /orders` | `POST /orders` | 100.0 |',
    );
  });
});
