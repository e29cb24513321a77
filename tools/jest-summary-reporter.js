// Ends a Jest run with one plain line, `tests: N passed, N failed[, N skipped]`, that CI reads.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const parts = [`${results.numPassedTests} passed`, `${results.numFailedTests} failed`];
    if (skipped > 0) parts.push(`${skipped} skipped`);
    process.stdout.write(`tests: ${parts.join(', ')}\n`);
  }
}

module.exports = SummaryReporter;
