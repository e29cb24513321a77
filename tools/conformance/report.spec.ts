import { countByStatus, fileLine, summaryLines } from './report';
import { FileResult } from './runner';

const results: FileResult[] = [
  {
    name: 'crud/find.json',
    tests: [
      { description: 'find with filter', status: 'passed' },
      {
        description: 'find with let',
        status: 'failed',
        reason: 'operation 0 collection0.find: boom',
      },
      { description: 'old server', status: 'skipped', reason: 'requires server <= 4.4.99' },
    ],
  },
  { name: 'crud/insertOne.json', tests: [{ description: 'insertOne', status: 'passed' }] },
];

describe('report', () => {
  it('counts tests by status', () => {
    expect(countByStatus(results)).toEqual({ passed: 2, failed: 1, skipped: 1 });
  });

  it('prints one line per file', () => {
    expect(fileLine(results[0])).toBe('crud/find.json: 1 passed, 1 failed, 1 skipped');
  });

  it('lists failures and skips with their reasons and ends with the totals', () => {
    const lines = summaryLines(results);
    expect(lines).toContain('  crud/find.json › find with let');
    expect(lines).toContain('      operation 0 collection0.find: boom');
    expect(lines).toContain('      requires server <= 4.4.99');
    expect(lines[lines.length - 1]).toBe('2 passed, 1 failed, 1 skipped');
  });
});
