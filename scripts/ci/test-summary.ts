// Prints one plain closing line from vitest's JSON report: "Tests: N passed, N failed".
import { existsSync, readFileSync } from 'node:fs';

const path = process.argv[2] ?? 'test-results/vitest.json';
if (!existsSync(path)) {
  process.stdout.write(`Tests: no report at ${path}\n`);
  process.exit(1);
}
const report = JSON.parse(readFileSync(path, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
const skipped = report.numPendingTests > 0 ? `, ${report.numPendingTests} skipped` : '';
process.stdout.write(`Tests: ${report.numPassedTests} passed, ${report.numFailedTests} failed${skipped}\n`);
