import {
  formatPointTable,
  formatScalingTable,
  Measurement,
  pingMultipleOf,
  ratioOf,
} from './bench-table';

const points: Measurement[] = [
  { operation: 'ping', size: 1_000, microsPerOp: 80, emulatorMicros: 8 },
  { operation: 'ping', size: 100_000, microsPerOp: 80, emulatorMicros: 8 },
  { operation: 'findOne by _id', size: 1_000, microsPerOp: 100, emulatorMicros: 12 },
  { operation: 'findOne by _id', size: 100_000, microsPerOp: 120, emulatorMicros: 14 },
  { operation: 'insertOne', size: 1_000, microsPerOp: 100 },
  { operation: 'insertOne', size: 100_000, microsPerOp: 250 },
];

describe('bench table', () => {
  it('computes the large/small ratio and the multiple of a ping', () => {
    expect(ratioOf(points, 'findOne by _id', 1_000, 100_000)).toBe(1.2);
    expect(ratioOf(points, 'insertOne', 1_000, 100_000)).toBe(2.5);
    expect(pingMultipleOf(points, 'findOne by _id', 100_000)).toBe(1.5);
    const measuredRunByRun = [{ operation: 'x', size: 1, microsPerOp: 9, pingMultiple: 1.1 }];
    expect(pingMultipleOf(measuredRunByRun, 'x', 1)).toBe(1.1);
  });

  it('prints point operations beside ping with the emulator time and flags', () => {
    const [header, ping, findOne, insert] = formatPointTable(points, [1_000, 100_000], {
      'findOne by _id': 1.3,
    });
    expect(header).toMatch(/1k µs\/op +x ping +emulator +100k µs\/op +x ping +emulator +100k\/1k/);
    expect(ping).toMatch(/ping +80\.0 +1\.00x +8\.0 +80\.0 +1\.00x +8\.0 +1\.00x$/);
    expect(findOne).toMatch(
      /findOne by _id +100\.0 +1\.25x +12\.0 +120\.0 +1\.50x +14\.0 +1\.20x {2}> 1\.3x ping !$/,
    );
    expect(insert).toMatch(/insertOne +100\.0 +1\.25x +- +250\.0 +3\.13x +- +2\.50x {2}> 2x !$/);
  });

  it('prints how list operations scale across sizes', () => {
    const lists: Measurement[] = [10, 11, 30].map((microsPerOp, i) => ({
      operation: 'range',
      size: [1_000, 10_000, 100_000][i],
      microsPerOp,
    }));
    const [header, range] = formatScalingTable(lists, [1_000, 10_000, 100_000]);
    expect(header).toMatch(/1k µs\/op +10k µs\/op +100k µs\/op +100k\/1k/);
    expect(range).toMatch(/range +10\.0 +11\.0 +30\.0 +3\.00x {2}> 2x !$/);
  });
});
