// Sums the Vitest JSON reports of every package (.reports/*.json) into one line:
// "N passed, N failed, N skipped". A package whose report is missing counts as a failure.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? '.reports';
const extraFailures = Number(process.argv[3] ?? 0);
const expected = ['protocol', 'twin-models', 'db', 'sim', 'simulator', 'realtime', 'web'];
let passed = 0;
let failed = extraFailures;
let skipped = 0;
const seen = new Set();
const failures = [];

function failedTests(suite, report) {
  const lines = [];
  for (const file of report.testResults ?? []) {
    const where = path.relative(process.cwd(), file.name ?? '');
    const failedAssertions = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const test of failedAssertions) {
      const first = String(test.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300);
      lines.push(`  FAILED ${suite}: ${where} > ${test.fullName}\n         ${first}`);
    }
    if (failedAssertions.length === 0 && file.status === 'failed') {
      lines.push(`  FAILED ${suite}: ${where}\n         ${String(file.message ?? '').split('\n')[0].slice(0, 300)}`);
    }
  }
  return lines;
}
let files = [];
try {
  files = readdirSync(dir).filter((f) => f.endsWith('.json'));
} catch {
  files = [];
}
for (const file of files) {
  const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  const name = path.basename(file, '.json');
  seen.add(name);
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  console.log(`${name.padEnd(12)} ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`);
  failures.push(...failedTests(name, report));
}
// The names of the failed tests and the first line of each failure, so that a CI log's tail
// says what failed without the full suite output.
for (const line of failures) console.log(line);
for (const name of expected) {
  if (!seen.has(name)) {
    console.log(`${name.padEnd(12)} no report (suite did not run)`);
    failed += 1;
  }
}
if (extraFailures) console.log(`type check failed`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
