#!/usr/bin/env node
// Runs OneGate on one machine: Redis (started here only if needed), then the API, then the worker,
// the local payment sandbox when no payment gateway is configured, and the local stand-in of the
// national public-service portal when no portal is configured (docs/integrations.md), and the local
// text-message stand-in when no SMS provider is configured (docs/text-messages.md).
// Ctrl-C or SIGTERM stops them all cleanly; if one of them stops by itself, the others are stopped too.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

const LOCAL_REDIS = { host: '127.0.0.1', port: 6379 };
const children = [];
let stopping = false;

function say(line) {
  process.stdout.write(`onegate: ${line}\n`);
}

function fail(line) {
  process.stderr.write(`onegate: ${line}\n`);
  process.exit(1);
}

function isListening({ host, port }) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(1000);
    socket.once('connect', () => resolve(true) || socket.end());
    socket.once('timeout', () => resolve(false) || socket.destroy());
    socket.once('error', () => resolve(false));
  });
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function run(name, command, args) {
  // Own process group: a terminal's Ctrl-C reaches only this launcher, which then stops the rest in order.
  const child = spawn(command, args, { stdio: 'inherit', env: process.env, detached: true });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`onegate: ${name} stopped (${signal ?? `exit ${code}`}); stopping the rest\n`);
      stopAll(code || 1);
    }
  });
  children.push({ name, child });
  return child;
}

async function stopAll(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  // Stop in reverse order: worker, API, then Redis, so jobs finish before their queue disappears.
  for (const { child } of [...children].reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000).then(() => child.kill('SIGKILL'))]);
  }
  process.exit(exitCode);
}

async function ensureRedis() {
  if (process.env.REDIS_URL) return;
  if (await isListening(LOCAL_REDIS)) return;
  if (!onPath('redis-server')) {
    fail(
      'Redis is not running on 127.0.0.1:6379. Start it (for example: redis-server --daemonize yes) or set REDIS_URL.',
    );
  }
  mkdirSync('data/redis', { recursive: true });
  say('starting redis-server on 127.0.0.1:6379 with its files under data/redis');
  run('redis', 'redis-server', [
    '--bind',
    '127.0.0.1',
    '--port',
    '6379',
    '--dir',
    'data/redis',
    '--save',
    '',
    '--appendonly',
    'yes',
  ]);
  for (let attempt = 0; attempt < 50 && !(await isListening(LOCAL_REDIS)); attempt++) await sleep(100);
}

async function waitForApi(port) {
  for (let attempt = 0; attempt < 600 && !stopping; attempt++) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/live`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  return false;
}

if (existsSync('.env')) process.loadEnvFile('.env');

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

await ensureRedis();
const port = process.env.PORT || '3000';
// The national portal's stand-in records what it receives; the worker is pointed at it.
if (!process.env.NATIONAL_PORTAL_URL) {
  const standInPort = process.env.NATIONAL_PORTAL_STANDIN_PORT || '3003';
  run('national portal stand-in', process.execPath, ['dist/apps/api/main.js', 'national-portal-stand-in']);
  process.env.NATIONAL_PORTAL_URL = `http://127.0.0.1:${standInPort}`;
}
// The SMS and Zalo provider's stand-in records what it would send (docs/text-messages.md).
if (!process.env.TEXT_MESSAGE_URL) {
  const textPort = process.env.TEXT_MESSAGE_STANDIN_PORT || '3004';
  run('text-message stand-in', process.execPath, ['dist/apps/api/main.js', 'text-message-stand-in']);
  process.env.TEXT_MESSAGE_URL = `http://127.0.0.1:${textPort}`;
}
run('api', process.execPath, ['dist/apps/api/main.js']);
if (await waitForApi(port)) {
  run('worker', process.execPath, ['dist/apps/worker/main.js']);
  // The local payment gateway (docs/payments.md) unless a real one is configured.
  if (!process.env.PAYMENT_GATEWAY_URL) {
    run('payment sandbox', process.execPath, ['dist/apps/api/main.js', 'payment-sandbox']);
  }
  say(`OneGate is running on http://localhost:${port} (Ctrl-C stops it)`);
}
