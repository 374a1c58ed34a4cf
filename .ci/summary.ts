// Reads the JSON reports of Vitest and Playwright, prints one closing line for both, and fails
// when a report is missing, a test failed, or a test was skipped.
import { existsSync, readFileSync } from 'node:fs';

type Totals = { passed: number; failed: number; skipped: number };

function vitest(path: string): Totals {
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
  };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwright(path: string): Totals {
  const report = JSON.parse(readFileSync(path, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  const { expected, unexpected, flaky, skipped } = report.stats;
  return { passed: expected + flaky, failed: unexpected, skipped };
}

const reports: [string, string, (path: string) => Totals][] = [
  ['Vitest', '.tmp/vitest-report.json', vitest],
  ['Playwright', '.tmp/playwright-report.json', playwright],
];
const total: Totals = { passed: 0, failed: 0, skipped: 0 };
let problems = 0;
for (const [name, path, read] of reports) {
  if (!existsSync(path)) {
    console.log(`${name}: no report at ${path}, so its tests did not run`);
    problems += 1;
    continue;
  }
  const totals = read(path);
  console.log(`${name}: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  total.passed += totals.passed;
  total.failed += totals.failed;
  total.skipped += totals.skipped;
}
if (total.skipped > 0) {
  console.log('Tests were skipped: CI does not allow skipped tests');
  problems += 1;
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(problems > 0 || total.failed > 0 ? 1 : 0);
