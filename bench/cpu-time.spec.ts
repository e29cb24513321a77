import { cpuSecondsOf, cpuTicksOf } from './cpu-time';

describe(cpuTicksOf.name, () => {
  it('adds user and system ticks (fields 14 and 15)', () => {
    const line = '4930 (node) R 4927 4927 29841 0 -1 4194304 101 0 0 0 153 61 0 0 20 0 1 0 275230';
    expect(cpuTicksOf(line)).toBe(214);
  });

  it('is not fooled by spaces and parentheses in the process name', () => {
    const line = '7 (a (b) c) S 1 7 7 0 -1 4194304 0 0 0 0 10 5 0 0 20 0 1 0 99';
    expect(cpuTicksOf(line)).toBe(15);
  });

  it('refuses what is not a stat line', () => {
    expect(() => cpuTicksOf('hello')).toThrow(/not a \/proc stat line/);
  });
});

describe(cpuSecondsOf.name, () => {
  it('reads the CPU time of a running process from /proc', () => {
    expect(cpuSecondsOf(process.pid)).toBeGreaterThan(0);
  });

  it('is undefined for a process that does not exist', () => {
    expect(cpuSecondsOf(2 ** 30)).toBeUndefined();
  });
});
