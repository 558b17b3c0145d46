#!/usr/bin/env node
// npm run bench: historical import throughput and report latency on PostgreSQL.
//
// Creates a scratch PostgreSQL database (from BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/test), starts the built API on it (which migrates and seeds the
// demo catalogue), streams BENCH_APPLICATIONS generated applications (default 200,000) through
// POST /api/admin/imports, then times GET /api/reports/summary. Needs `npm run build` and Redis.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';

import pg from 'pg';

import { applicationLines } from './generate-applications.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const COUNT = Number(process.env.BENCH_APPLICATIONS ?? 200_000);
// `ordered` (the default): stories start in time order, as an agency's export usually is; `random`: anywhere.
const ORDER = process.env.BENCH_ORDER === 'random' ? 'random' : 'ordered';
const ADMIN_URL =
  process.env.BENCH_DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  'postgres://postgres@127.0.0.1:5432/test';
const PASSWORD = 'OneGate-demo-2026';

async function main() {
  const load = () =>
    loadavg()
      .map((value) => value.toFixed(1))
      .join(' ');
  console.log(`machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}), load average ${load()}`);
  const name = `onegate_bench_${randomBytes(4).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  const port = await freePort();
  const api = spawn(process.execPath, [resolve(ROOT, 'dist/apps/api/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL: url.toString(),
      LOG_LEVEL: 'warn',
      DEMO_PASSWORD: PASSWORD,
      AUTH_RATE_LIMIT: '1000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  // Even if this script dies (say its output pipe closes), the API it started must not outlive it.
  process.once('exit', () => api.kill('SIGTERM'));
  const apiUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForReady(`${apiUrl}/health/ready`);
    const token = await signIn(apiUrl);
    const headers = { authorization: `Bearer ${token}` };
    const procedures = (await (await fetch(`${apiUrl}/api/procedures?pageSize=100`)).json()).items;
    const agencies = (await (await fetch(`${apiUrl}/api/agencies?pageSize=100`)).json()).items.map(
      (agency) => agency.code,
    );

    const lines = applicationLines({
      count: COUNT,
      seed: 42,
      procedures,
      agencies,
      from: '2024-01-01',
      to: '2025-12-31',
      ordered: ORDER === 'ordered',
    });
    const started = performance.now();
    const response = await fetch(`${apiUrl}/api/admin/imports`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/x-ndjson' },
      body: Readable.toWeb(Readable.from(lines)),
      duplex: 'half',
    });
    const result = await response.json();
    const seconds = (performance.now() - started) / 1000;
    if (response.status !== 200)
      throw new Error(`import answered ${response.status}: ${JSON.stringify(result)}`);
    const rejected = result.rejected.length;
    console.log(
      `import (${ORDER} stories): ${result.imported} applications in ${seconds.toFixed(1)} s = ${Math.round(result.imported / seconds)} applications/s (skipped ${result.skipped}, rejected ${rejected})`,
    );
    if (rejected > 0) console.log(`first rejection: ${JSON.stringify(result.rejected[0])}`);

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
    console.log(`load average afterwards: ${load()}`);
  } finally {
    api.kill('SIGTERM');
    await new Promise((done) => api.once('exit', done));
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

async function admin(work) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
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

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function waitForReady(url) {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error(`${url} did not become ready`);
}

await main();
