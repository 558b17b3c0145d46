#!/usr/bin/env node
// npm test: static checks (lint, types, dependency audit), the build, unit tests, the end-to-end suites on SQLite and on
// PostgreSQL, then the fault tests (processes killed, Redis and PostgreSQL stopped). Ends with one
// line "N passed, N failed" over everything it ran.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const reports = mkdtempSync(join(tmpdir(), 'onegate-test-'));
const totals = { passed: 0, failed: 0 };
const summary = [];

/** A check that could not run here (the advisory service unreachable) exits with this: said, not failed. */
const SKIPPED_STATUS = 75;

function runStatus(command, args, env = {}) {
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status;
}

function run(command, args, env = {}) {
  return runStatus(command, args, env) === 0;
}

/** A step that is one check: lint, type check, build. */
function check(name, command, args) {
  process.stdout.write(`\n=== ${name}\n`);
  const status = runStatus(command, args);
  if (status === SKIPPED_STATUS) {
    summary.push(`${name}: SKIPPED (see its output above)`);
    return;
  }
  totals[status === 0 ? 'passed' : 'failed'] += 1;
  summary.push(`${name}: ${status === 0 ? 'passed' : 'FAILED'}`);
}

/** A Vitest project run; its tests are counted one by one from the JSON report. */
function suite(name, project, env = {}) {
  process.stdout.write(`\n=== ${name}\n`);
  const report = join(reports, `${name.replace(/\W+/g, '-')}.json`);
  const ok = run(
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
    ],
    env,
  );
  if (!existsSync(report)) {
    totals.failed += 1;
    summary.push(`${name}: did not run`);
    return;
  }
  const { numPassedTests, numFailedTests, numTotalTests } = JSON.parse(readFileSync(report, 'utf8'));
  // A suite that fails outside any test (a broken import, a failing hook) still counts as a failure.
  const failed = numFailedTests + (ok || numFailedTests > 0 ? 0 : 1);
  totals.passed += numPassedTests;
  totals.failed += failed;
  summary.push(`${name}: ${numPassedTests} passed, ${failed} failed of ${numTotalTests}`);
}

check('lint', 'npm', ['run', '--silent', 'lint']);
// No high or critical advisory in production dependencies (an unreachable advisory service is skipped, not failed).
check('dependency audit', 'node', ['scripts/audit-dependencies.mjs']);
check('type check', 'npm', ['run', '--silent', 'typecheck']);
check('build', 'npm', ['run', '--silent', 'build']);
suite('unit', 'unit');
suite('e2e on SQLite', 'e2e', { E2E_DATABASE: 'sqlite' });
suite('e2e on PostgreSQL', 'e2e', { E2E_DATABASE: 'postgres' });
suite('faults', 'faults');

rmSync(reports, { recursive: true, force: true });
process.stdout.write(`\n${summary.join('\n')}\n${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(totals.failed === 0 ? 0 : 1);
