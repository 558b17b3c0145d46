// Scratch resources of one benchmark run (processes, database, queue keys, files) and their clean-up,
// which also runs on Ctrl-C and on errors.
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { connect, createServer } from 'node:net';
import { join, resolve } from 'node:path';

import { Redis } from 'ioredis';
import pg from 'pg';

export const ROOT = resolve(import.meta.dirname, '..');
export const ADMIN_DATABASE_URL =
  process.env.BENCH_DATABASE_URL ||
  process.env.TEST_DATABASE_URL ||
  'postgres://postgres@127.0.0.1:5432/test';
// BENCH_DIST: run the programs of another build (a copy of dist/), say to compare two builds.
export const DIST = process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : resolve(ROOT, 'dist');
export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';

const cleanups = [];
const children = new Set();

/** Runs `undo` at the end of the run, in reverse order of registration. */
export function atCleanup(undo) {
  cleanups.push(undo);
}

let cleaning = null;

/**
 * Undoes what the run set up. A second call while one runs (Ctrl-C while the script ends) waits for
 * it, so that no step runs beside the one before it (the files removed while a server still writes).
 */
export function cleanUp() {
  cleaning ??= (async () => {
    while (cleanups.length > 0) {
      const undo = cleanups.pop();
      try {
        await undo();
      } catch (error) {
        console.error(`clean-up step failed: ${error.message}`);
      }
    }
  })().finally(() => (cleaning = null));
  return cleaning;
}

// A child must not outlive this script, however it ends.
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** Starts a Node program; its output goes to `logFile`. Stopped with SIGTERM at clean-up. */
export function startProgram(script, { env, logFile, nodeArgs = [], args = [] }) {
  // Straight into a file: a pipe through this script would block the program's (synchronous) log
  // writes whenever this script is slow to read them.
  const log = openSync(logFile, 'a');
  const child = spawn(process.execPath, [...nodeArgs, resolve(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', log, log],
  });
  closeSync(log);
  const { exited, stop } = stopAtCleanup(child, 15_000);
  return { child, pid: child.pid, exited, stop, logFile };
}

/**
 * A bench script of this run in a child process, its output piped here. At clean-up it gets SIGTERM
 * and time to clean up after itself (the import drops its database), as on Ctrl-C.
 */
export function spawnScript(script, args) {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  stopAtCleanup(child, 120_000);
  return child;
}

/** Stops `child` at clean-up: SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export function stopAtCleanup(child, graceMs) {
  children.add(child);
  const exited = new Promise((done) => child.once('exit', (code) => done(code)));
  exited.then(() => children.delete(child));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  };
  atCleanup(stop);
  return { exited, stop };
}

export async function waitForReady(url, program) {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    if (program && program.child.exitCode !== null) {
      throw new Error(`${url}: the program exited; its log:\n${await tail(program.logFile)}`);
    }
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`${url} did not become ready`);
}

/** Waits until something listens on the port (a program without a readiness route). */
export async function waitForListening(port, program) {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline;) {
    if (program.child.exitCode !== null) {
      throw new Error(`port ${port}: the program exited; its log:\n${await tail(program.logFile)}`);
    }
    const listening = await new Promise((done) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => done(socket.end() && true));
      socket.once('error', () => done(false));
    });
    if (listening) return;
    await new Promise((wait) => setTimeout(wait, 250));
  }
  throw new Error(`nothing listens on port ${port}`);
}

export async function tail(file, lines = 20) {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text.split('\n').slice(-lines).join('\n');
}

export function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function dropDatabase(databaseUrl) {
  const name = new URL(databaseUrl).pathname.slice(1);
  return withClient(ADMIN_DATABASE_URL, (client) =>
    client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  );
}

export function dropDatabaseAtCleanup(databaseUrl) {
  atCleanup(() => dropDatabase(databaseUrl));
}

export function removeAtCleanup(directory) {
  atCleanup(() => rm(directory, { recursive: true, force: true }));
}

/** Deletes the queue keys under this run's own prefix (never anything else). */
export function removeQueueKeysAtCleanup(prefix) {
  atCleanup(() => removeQueueKeys(prefix));
}

/** Deletes every Redis key under a queue prefix. */
export async function removeQueueKeys(prefix) {
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/** The OneGate API and worker processes of a run, all on one database and one queue prefix. */
export async function startOneGate({
  databaseUrl,
  apis,
  workers,
  prefix,
  jwtSecret,
  storageDir,
  logDir,
  env = {},
}) {
  const common = {
    ...env,
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    REDIS_URL,
    QUEUE_PREFIX: prefix,
    JWT_SECRET: jwtSecret,
    STORAGE_DIR: storageDir,
    AUTH_RATE_LIMIT: '10000',
    // The load's few citizens each have many drafts open at once (request-cost creates them all first).
    OPEN_DRAFTS_PER_ACCOUNT: '100000',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
  const apiPrograms = [];
  for (let index = 0; index < apis; index += 1) {
    const port = await freePort();
    const program = startProgram(join(DIST, 'apps/api/main.js'), {
      env: { ...common, PORT: String(port) },
      // BENCH_API_NODE_ARGS (say `--cpu-prof --cpu-prof-dir=DIR`) profiles the API processes.
      nodeArgs: process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean),
      logFile: join(logDir, `api-${index + 1}.log`),
    });
    apiPrograms.push({ ...program, url: `http://127.0.0.1:${port}` });
    // The first API migrates; the others start once it has.
    if (index === 0) await waitForReady(`${apiPrograms[0].url}/health/ready`, program);
  }
  await Promise.all(apiPrograms.map((api) => waitForReady(`${api.url}/health/ready`, api)));
  const workerPrograms = [];
  for (let index = 0; index < workers; index += 1) {
    const port = await freePort();
    const program = startProgram(join(DIST, 'apps/worker/main.js'), {
      env: { ...common, WORKER_PORT: String(port) },
      logFile: join(logDir, `worker-${index + 1}.log`),
    });
    workerPrograms.push({ ...program, url: `http://127.0.0.1:${port}` });
    await waitForReady(`http://127.0.0.1:${port}/health/ready`, program);
  }
  return {
    apis: apiPrograms,
    workers: workerPrograms,
    async stop() {
      await Promise.all(workerPrograms.map((program) => program.stop()));
      await Promise.all(apiPrograms.map((program) => program.stop()));
    },
  };
}

/** Peak resident memory (VmRSS) of processes, sampled from /proc while `work` runs. */
export async function peakRss(pids, work, everyMs = 250) {
  const peaks = new Map(pids.map((pid) => [pid, 0]));
  const sample = async () => {
    for (const pid of pids) {
      const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peaks.set(pid, Math.max(peaks.get(pid), kb));
    }
  };
  await sample();
  const timer = setInterval(() => void sample(), everyMs);
  try {
    const result = await work();
    await sample();
    return { result, peakMb: Math.max(...peaks.values()) / 1024 };
  } finally {
    clearInterval(timer);
  }
}
