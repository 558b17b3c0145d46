import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Redis from 'ioredis';

import { freePort } from '../../support/processes';

/**
 * A Redis server of the suite's own, on a free port with its files in a temporary folder, that the
 * tests may stop and start at will. The shared Redis other suites use is never touched.
 */
export class PrivateRedis {
  private server: ChildProcess | null = null;

  private constructor(
    public readonly port: number,
    private readonly directory: string,
    private readonly persistent: boolean,
  ) {}

  /**
   * `persistent`: every write goes to an append-only file first (as a production Redis holding queues
   * must be set up), so the queues survive a crash; otherwise nothing is ever saved.
   */
  public static async start(options: { persistent?: boolean } = {}): Promise<PrivateRedis> {
    const directory = mkdtempSync(join(tmpdir(), 'onegate-redis-'));
    const redis = new PrivateRedis(await freePort(), directory, options.persistent ?? false);
    await redis.resume();
    return redis;
  }

  public get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** A client of this server, for the test's own look at the queues. */
  public client(): Redis {
    const client = new Redis({ host: '127.0.0.1', port: this.port, maxRetriesPerRequest: null });
    client.on('error', () => undefined);
    return client;
  }

  /** Starts the server again on the same port (empty, unless it is persistent). */
  public async resume(): Promise<void> {
    if (this.server) return;
    const persistence = this.persistent
      ? ['--appendonly', 'yes', '--appendfsync', 'always']
      : ['--appendonly', 'no'];
    const server = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.directory,
        '--save',
        '',
        ...persistence,
      ],
      { cwd: this.directory, stdio: 'ignore' },
    );
    const failed = new Promise<never>((_, fail) =>
      server.once('error', (error) =>
        fail(new Error(`cannot start redis-server (the fault tests need it installed): ${error.message}`)),
      ),
    );
    this.server = server;
    // Never outlives the test run, even one that ends abruptly.
    const killOnExit = () => server.kill('SIGKILL');
    process.once('exit', killOnExit);
    server.once('exit', () => process.removeListener('exit', killOnExit));
    await Promise.race([failed, this.waitUntil(true)]);
  }

  /** Stops the server at once, as a crash would (SIGKILL), and waits until the port is closed. */
  public async halt(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    const exited = new Promise((done) => server.once('exit', done));
    server.kill('SIGKILL');
    await exited;
    await this.waitUntil(false);
  }

  public async remove(): Promise<void> {
    await this.halt();
    rmSync(this.directory, { recursive: true, force: true });
  }

  private async waitUntil(answering: boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if ((await this.answers()) === answering) return;
      await new Promise((wait) => setTimeout(wait, 50));
    }
    throw new Error(`private Redis on port ${this.port} did not ${answering ? 'start' : 'stop'} in time`);
  }

  private async answers(): Promise<boolean> {
    const probe = new Redis({
      host: '127.0.0.1',
      port: this.port,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      return (await probe.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      probe.disconnect();
    }
  }
}
