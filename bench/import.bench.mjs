#!/usr/bin/env node
// Historical import throughput (and report latency) on PostgreSQL.
//
//   node bench/import.bench.mjs [--size N] [--json FILE] [--keep] [--no-reports] [--cpu-prof DIR]
//
// Creates a scratch PostgreSQL database (from BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/test), starts the built API on it (which migrates and seeds the
// demo catalogue), writes N generated applications (--size, else BENCH_APPLICATIONS, else 200,000) to
// a temporary NDJSON file, then times streaming that file through POST /api/admin/imports and, unless
// --no-reports, times GET /api/reports/summary and /breakdown. Needs `npm run build` and Redis.
//
// --json FILE   writes {applicationsPerSecond, applications, seconds, otherRequests, databaseUrl}
//               (no password; otherRequests: the latency of GET /api/me on the API meanwhile).
// --keep        keeps the scratch database and prints `DATABASE_URL=<url>` as the last line.
// --cpu-prof DIR  starts the API with `--cpu-prof` and writes its profile to DIR.
// BENCH_API_NODE_ARGS  more `node` options for the API (say `--max-semi-space-size=32`).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout } from 'node:timers/promises';
import { parseArgs } from 'node:util';

import {
  ADMIN_DATABASE_URL,
  atCleanup,
  cleanUp,
  dropDatabase,
  freePort,
  removeAtCleanup,
  removeQueueKeysAtCleanup,
  stopAtCleanup,
  waitForReady,
  withClient,
} from './stack.mjs';
import { getJson, latencyOf } from './timing.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    size: { type: 'string' },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-reports': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const COUNT = Number(options.size ?? process.env.BENCH_APPLICATIONS ?? 200_000);
if (!Number.isInteger(COUNT) || COUNT < 1) throw new Error(`--size must be a whole number above 0`);
// `ordered` (the default): stories start in time order, as an agency's export usually is; `random`: anywhere.
const ORDER = process.env.BENCH_ORDER === 'random' ? 'random' : 'ordered';
const PASSWORD = 'OneGate-demo-2026';
const PROBE_INTERVAL_MS = 100;

const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');

async function main() {
  console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${load()}`);
  const name = `onegate_bench_${randomBytes(4).toString('hex')}`;
  await withClient(ADMIN_DATABASE_URL, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  // Clean-up runs in reverse: the API stops first, then its queue keys, files and database go (the
  // database only if it is not kept), also on Ctrl-C or SIGTERM.
  let kept = false;
  atCleanup(() => (kept ? undefined : dropDatabase(url)));
  const port = await freePort();
  // Its own queues: never a running OneGate's (the default prefix) on the same Redis.
  const prefix = `{bench-import-${randomBytes(4).toString('hex')}}`;
  removeQueueKeysAtCleanup(prefix);
  const scratch = await mkdtemp(join(tmpdir(), 'onegate-bench-'));
  removeAtCleanup(scratch);
  const profiling = options['cpu-prof'] ? ['--cpu-prof', '--cpu-prof-dir', resolve(options['cpu-prof'])] : [];
  const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const api = spawn(process.execPath, [...nodeArgs, ...profiling, resolve(ROOT, 'dist/apps/api/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      // The database holds the imported applications only.
      DEMO_HISTORY: 'off',
      PORT: String(port),
      DATABASE_URL: url.toString(),
      LOG_LEVEL: 'warn',
      QUEUE_PREFIX: prefix,
      DEMO_PASSWORD: PASSWORD,
      AUTH_RATE_LIMIT: '1000',
      // The whole import is one request: on a busy machine a million lines take longer than the
      // default five minutes a request may take to arrive.
      HTTP_REQUEST_TIMEOUT_MS: '3600000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  stopAtCleanup(api, 15_000);
  try {
    const apiUrl = `http://127.0.0.1:${port}`;
    await waitForReady(`${apiUrl}/health/ready`);
    const token = await signIn(apiUrl);
    const headers = { authorization: `Bearer ${token}` };
    // Generated beforehand by the demo history's generator (docs/operations.md, "Demo history"), so
    // that its work is not counted nor competes for the CPUs.
    const file = join(scratch, 'applications.ndjson');
    await writeDemoHistory(file, COUNT, ORDER === 'ordered');
    console.log(`load average before the import: ${load()}`);
    const cpuBefore = await cpuSeconds(api.pid, name);
    const started = performance.now();
    const probe = probeWhile(`${apiUrl}/api/me`, headers);
    const response = await fetch(`${apiUrl}/api/admin/imports`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-ndjson' },
      body: Readable.toWeb(createReadStream(file, { highWaterMark: 1024 * 1024 })),
      duplex: 'half',
    });
    const result = await response.json();
    const seconds = (performance.now() - started) / 1000;
    const others = await probe.stop();
    const cpuAfter = await cpuSeconds(api.pid, name);
    if (response.status !== 200)
      throw new Error(`import answered ${response.status}: ${JSON.stringify(result)}`);
    const rejected = result.rejected.length;
    const rate = Math.round(result.imported / seconds);
    console.log(
      `import (${ORDER} stories): ${result.imported} applications in ${seconds.toFixed(1)} s = ${rate} applications/s (skipped ${result.skipped}, rejected ${rejected})`,
    );
    if (rejected > 0) console.log(`first rejection: ${JSON.stringify(result.rejected[0])}`);
    console.log(
      `meanwhile, GET /api/me every ${PROBE_INTERVAL_MS} ms on the same API: p50 ${others.p50?.toFixed(1)} ms, p99 ${others.p99?.toFixed(1)} ms, slowest ${others.max?.toFixed(1)} ms (${others.count} answered, ${others.failed} failed)`,
    );
    if (cpuBefore && cpuAfter) {
      const api = cpuAfter.api - cpuBefore.api;
      const database = [...cpuAfter.backends].reduce(
        (sum, [pid, after]) => sum + after - (cpuBefore.backends.get(pid) ?? 0),
        0,
      );
      const perApplication = (cpu) => ((cpu / result.imported) * 1e6).toFixed(0);
      console.log(
        `CPU time of the import: API ${api.toFixed(1)} s (${perApplication(api)} µs an application), PostgreSQL ${database.toFixed(1)} s (${perApplication(database)} µs)`,
      );
    }
    if (options.json) {
      const shown = new URL(url);
      shown.password = '';
      await writeFile(
        options.json,
        `${JSON.stringify({ applicationsPerSecond: rate, applications: result.imported, seconds, otherRequests: others, databaseUrl: shown.toString() }, null, 2)}\n`,
      );
    }

    if (!options['no-reports']) await timeReports(apiUrl, headers);
    console.log(`load average afterwards: ${load()}`);
    kept = options.keep;
  } finally {
    await cleanUp();
  }
  if (kept) console.log(`DATABASE_URL=${url.toString()}`);
}

/**
 * What an import does to everyone else on its API process: a signed-in request every
 * PROBE_INTERVAL_MS, one at a time, until stopped; gives their latency.
 */
function probeWhile(url, headers) {
  const durations = [];
  let failed = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const begin = performance.now();
      await getJson(url, headers).then(
        () => durations.push(performance.now() - begin),
        () => (failed += 1),
      );
      await setTimeout(PROBE_INTERVAL_MS);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { ...latencyOf(durations), max: durations.length ? Math.max(...durations) : null, failed };
    },
  };
}

async function timeReports(apiUrl, headers) {
  for (const [label, query] of [
    ['summary, two years, all agencies', 'from=2024-01-01&to=2025-12-31'],
    ['summary, one month', 'from=2025-03-01&to=2025-03-31'],
    ['summary, 45 days across months, one agency', 'from=2025-02-10&to=2025-03-26&agency=QN-HL'],
    ['breakdown by procedure, two years', 'from=2024-01-01&to=2025-12-31&groupBy=procedure'],
    ['breakdown by month, two years', 'from=2024-01-01&to=2025-12-31&groupBy=month'],
  ]) {
    const path = query.includes('groupBy') ? 'breakdown' : 'summary';
    const times = [];
    for (let round = 0; round < 15; round += 1) {
      const begin = performance.now();
      const answer = await fetch(`${apiUrl}/api/reports/${path}?${query}`, { headers });
      await answer.json();
      times.push(performance.now() - begin);
    }
    times.sort((a, b) => a - b);
    console.log(`${label}: median ${times[7].toFixed(1)} ms over 15 requests`);
  }
}

/**
 * CPU seconds used so far by the API process and by the PostgreSQL backends serving the database,
 * read from /proc (Linux, PostgreSQL on this machine); null elsewhere. On a shared machine, CPU time
 * per application says more than the wall clock.
 */
async function cpuSeconds(pid, database) {
  const ticks = (processId) => {
    try {
      const fields = readFileSync(`/proc/${processId}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return null;
    }
  };
  const api = ticks(pid);
  if (api === null) return null;
  const { rows } = await withClient(ADMIN_DATABASE_URL, (client) =>
    client.query('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]),
  );
  const backends = new Map();
  for (const { pid: backend } of rows) {
    const used = ticks(backend);
    if (used === null) return null;
    backends.set(backend, used);
  }
  return { api, backends };
}

async function signIn(apiUrl) {
  const response = await fetch(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin@demo.onegate.vn', password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status}`);
  return (await response.json()).accessToken;
}

await main();

/** Two years (2024 and 2025) of demo history, `count` files, from the built API's own generator. */
async function writeDemoHistory(file, count, ordered) {
  const args = [String(count), '--seed', '42', '--from', '2024-01-01', '--to', '2025-12-31'];
  const generator = spawn(
    process.execPath,
    [join(ROOT, 'dist/apps/api/main.js'), 'demo-history', ...args, ...(ordered ? [] : ['--shuffled'])],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const written = pipeline(generator.stdout, createWriteStream(file));
  const [code] = await once(generator, 'exit');
  await written;
  if (code !== 0) throw new Error(`demo-history exited with ${code}`);
}
