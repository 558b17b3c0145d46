import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const API_MAIN = resolve(ROOT, 'dist/apps/api/main.js');
export const WORKER_MAIN = resolve(ROOT, 'dist/apps/worker/main.js');

export function assertBuilt(): void {
  if (!existsSync(API_MAIN) || !existsSync(WORKER_MAIN)) throw new Error('run `npm run build` first');
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Running {
  child: ChildProcess;
  output: () => { stdout: string; stderr: string };
  finished: Promise<Finished>;
}

/** Starts a process with exactly the given environment (plus PATH), collecting its output. */
export function start(script: string, env: Record<string, string>, args: string[] = []): Running {
  const child = spawn(process.execPath, [script, ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<Finished>((done) =>
    child.on('exit', (code, signal) => done({ code, signal, stdout, stderr })),
  );
  return { child, output: () => ({ stdout, stderr }), finished };
}

export function runToEnd(script: string, env: Record<string, string>, timeoutMs = 20_000): Promise<Finished> {
  const running = start(script, env);
  const timer = setTimeout(() => running.child.kill('SIGKILL'), timeoutMs);
  return running.finished.finally(() => clearTimeout(timer));
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export async function waitForOk(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`${url} did not answer 200 in time`);
}
