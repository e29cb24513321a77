import { retryDelayMs } from './transaction-runner';

describe(retryDelayMs.name, () => {
  it('waits a random share of a ceiling that doubles with every retry', () => {
    expect(retryDelayMs(1, 0.99)).toBe(1);
    expect(retryDelayMs(2, 0.99)).toBe(3);
    expect(retryDelayMs(4, 0.5)).toBe(8);
    expect(retryDelayMs(3, 0)).toBe(0);
  });

  it('never waits longer than 100 ms, however many retries', () => {
    expect(retryDelayMs(7, 0.999)).toBe(99);
    expect(retryDelayMs(40, 0.999)).toBe(99);
  });
});
