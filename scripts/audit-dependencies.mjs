#!/usr/bin/env node
// CI: fails when a production dependency has a high or critical advisory (npm audit --omit=dev). When
// the advisory service cannot be reached, it says so on one line and exits with SKIPPED_STATUS (75,
// "try again later"), which `npm test` reports as skipped, neither passed nor failed.
import { spawnSync } from 'node:child_process';

const BLOCKING = ['high', 'critical'];
const SKIPPED_STATUS = 75;

const result = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
let report = null;
try {
  report = JSON.parse(result.stdout);
} catch {
  // Not JSON: npm itself failed; handled below.
}

const counts = report?.metadata?.vulnerabilities;
if (!counts) {
  const reason =
    report?.message ||
    report?.error?.summary ||
    (result.stderr || result.error?.message || 'no answer').trim();
  if (/\/-\/npm\/v1\/security\/|audit endpoint|ENOTFOUND|ECONNREFUSED|ETIMEDOUT|EAI_AGAIN/.test(reason)) {
    console.log(`npm audit: SKIPPED, the advisory service could not be reached (${reason.split('\n')[0]})`);
    process.exit(SKIPPED_STATUS);
  }
  console.error(`npm audit: could not audit the dependencies: ${reason}`);
  process.exit(1);
}

const blocking = Object.values(report.vulnerabilities ?? {}).filter((entry) =>
  BLOCKING.includes(entry.severity),
);
if (blocking.length > 0) {
  console.error(`npm audit: ${blocking.length} production dependencies with high or critical advisories:`);
  for (const entry of blocking) {
    const titles = entry.via.filter((via) => typeof via === 'object').map((via) => via.title);
    const cause = titles.length > 0 ? titles.join('; ') : `through ${entry.via.join(', ')}`;
    console.error(`  ${entry.name} ${entry.range} (${entry.severity}): ${cause}`);
  }
  process.exit(1);
}
const lower = counts.total - BLOCKING.reduce((sum, severity) => sum + (counts[severity] ?? 0), 0);
console.log(
  `npm audit: no high or critical advisory in production dependencies (${lower} of lower severity)`,
);
