import { formatTable, Measurement, ratioOf } from './bench-table';

const measurements: Measurement[] = [
  { operation: 'findOne by _id', size: 1_000, microsPerOp: 100 },
  { operation: 'findOne by _id', size: 100_000, microsPerOp: 150 },
  { operation: 'insertOne', size: 1_000, microsPerOp: 100 },
  { operation: 'insertOne', size: 100_000, microsPerOp: 250 },
];

describe('bench table', () => {
  it('computes the large/small time ratio per operation', () => {
    expect(ratioOf(measurements, 'findOne by _id', 1_000, 100_000)).toBe(1.5);
    expect(ratioOf(measurements, 'insertOne', 1_000, 100_000)).toBe(2.5);
  });

  it('prints ops/s and µs/op per size and flags ratios above 2', () => {
    const [header, findLine, insertLine] = formatTable(measurements, [1_000, 100_000]);

    expect(header).toMatch(/1k ops\/s +1k µs\/op +100k ops\/s +100k µs\/op +100k\/1k/);
    expect(findLine).toMatch(/findOne by _id +10000 +100\.0 +6667 +150\.0 +1\.50x$/);
    expect(insertLine).toMatch(/insertOne .* 2\.50x {2}> 2x !$/);
  });
});
