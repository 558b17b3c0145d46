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
/** The failed tests, named at the very end, where a CI log's tail shows them. */
const failures = [];
/** The tests that failed, then passed when run again alone. */
const flaky = [];

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

/** At most this many failed tests of a suite are run once more; more than that is no flake. */
const RERUN_LIMIT = 10;

function vitest(project, env, report, files = []) {
  const args = ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json'];
  return run('npx', [...args, `--outputFile.json=${report}`, ...files], env);
}

/**
 * A Vitest project run; its tests are counted one by one from the JSON report. A few failed tests get
 * one more run of their files, alone: one that passes then counts as passed but is named at the end
 * as flaky, so that a test failing only now and then is seen and mended, not hidden.
 */
function suite(name, project, env = {}) {
  process.stdout.write(`\n=== ${name}\n`);
  const report = join(reports, `${name.replace(/\W+/g, '-')}.json`);
  const ok = vitest(project, env, report);
  if (!existsSync(report)) {
    totals.failed += 1;
    summary.push(`${name}: did not run`);
    return;
  }
  const first = JSON.parse(readFileSync(report, 'utf8'));
  let failedOnes = failedTests(name, first.testResults);
  let passed = first.numPassedTests;
  if (failedOnes.length > 0 && failedOnes.length <= RERUN_LIMIT) {
    process.stdout.write(`\n=== ${name}: the files of the failed tests once more, alone\n`);
    const again = join(reports, `${name.replace(/\W+/g, '-')}-again.json`);
    vitest(project, env, again, [...new Set(failedOnes.map((test) => test.file))]);
    const passedAgain = existsSync(again)
      ? passedTests(JSON.parse(readFileSync(again, 'utf8')).testResults)
      : new Set();
    const flakes = failedOnes.filter((test) => passedAgain.has(test.key));
    flaky.push(...flakes.map((test) => test.line));
    passed += flakes.length;
    failedOnes = failedOnes.filter((test) => !passedAgain.has(test.key));
  }
  failures.push(...failedOnes.map((test) => test.line));
  // A suite that fails outside any test (a broken import, a failing hook) still counts as a failure.
  const failed = failedOnes.length + (ok || first.numFailedTests > 0 ? 0 : 1);
  totals.passed += passed;
  totals.failed += failed;
  const again = passed - first.numPassedTests;
  summary.push(
    `${name}: ${passed} passed, ${failed} failed of ${first.numTotalTests}` +
      (again > 0 ? ` (${again} of them only when run again)` : ''),
  );
}

const relative = (file) => file.replace(`${process.cwd()}/`, '');

/** Each failed test of a Vitest JSON report: its file, a key, and a line naming it and its failure. */
function failedTests(suiteName, testResults = []) {
  return testResults.flatMap((file) => {
    const where = relative(file.name);
    const failedOnes = file.assertionResults.filter((test) => test.status === 'failed');
    if (failedOnes.length === 0 && file.status === 'failed') {
      return [
        { file: where, key: `${where} ›`, line: `${suiteName} · ${where}: ${firstLine(file.message)}` },
      ];
    }
    return failedOnes.map((test) => ({
      file: where,
      key: `${where} › ${test.fullName}`,
      line: `${suiteName} · ${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`,
    }));
  });
}

/** The keys of the tests a report saw pass (a file that failed outside its tests: none of its). */
function passedTests(testResults = []) {
  return new Set(
    testResults.flatMap((file) => {
      const where = relative(file.name);
      const passedOnes = file.assertionResults.filter((test) => test.status === 'passed');
      const whole = file.status === 'passed' ? [`${where} ›`] : [];
      return [...whole, ...passedOnes.map((test) => `${where} › ${test.fullName}`)];
    }),
  );
}

function firstLine(text = '') {
  return (text.split('\n').find((line) => line.trim() !== '') ?? '').slice(0, 300);
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
if (flaky.length > 0)
  process.stdout.write(
    `\nPassed only when run again (flaky):\n${flaky.map((line) => `- ${line}`).join('\n')}\n`,
  );
if (failures.length > 0)
  process.stdout.write(`\nFailed:\n${failures.map((line) => `- ${line}`).join('\n')}\n`);
process.stdout.write(`\n${summary.join('\n')}\n${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(totals.failed === 0 ? 0 : 1);
