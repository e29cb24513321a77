import { FileResult, TestStatus } from './runner';

export interface Totals {
  passed: number;
  failed: number;
  skipped: number;
}

export function countByStatus(results: FileResult[]): Totals {
  const totals: Totals = { passed: 0, failed: 0, skipped: 0 };
  for (const file of results) for (const test of file.tests) totals[test.status] += 1;
  return totals;
}

function totalsLine(totals: Totals): string {
  return `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
}

export function fileLine(file: FileResult): string {
  return `${file.name}: ${totalsLine(countByStatus([file]))}`;
}

function details(results: FileResult[], status: TestStatus, title: string): string[] {
  const lines: string[] = [];
  for (const file of results) {
    for (const test of file.tests.filter((item) => item.status === status)) {
      lines.push(`  ${file.name} › ${test.description}`, `      ${test.reason ?? ''}`);
    }
  }
  return lines.length > 0 ? ['', `${title}:`, ...lines] : [];
}

/** The report after the per-file lines: failure and skip details, then the totals as last line. */
export function summaryLines(results: FileResult[]): string[] {
  return [
    ...details(results, 'failed', 'Failures'),
    ...details(results, 'skipped', 'Skipped'),
    '',
    totalsLine(countByStatus(results)),
  ];
}
