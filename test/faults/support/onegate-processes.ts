import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { Running } from '../../support/processes';
import { API_MAIN, assertBuilt, freePort, start, WORKER_MAIN } from '../../support/processes';

/** The demo accounts' password in every fault-test deployment. */
export const DEMO_PASSWORD = 'Faults-demo-2026';

export interface DeploymentOptions {
  databaseUrl: string;
  redisUrl: string;
  smtpUrl?: string;
  /** Further variables, e.g. AUTH_RATE_LIMIT or WORKER_CONCURRENCY. */
  extra?: Record<string, string>;
}

/** The environment every process of one deployment shares: database, Redis, queue prefix, files. */
export function deploymentEnv(options: DeploymentOptions): Record<string, string> {
  assertBuilt();
  return {
    NODE_ENV: 'test',
    DATABASE_URL: options.databaseUrl,
    REDIS_URL: options.redisUrl,
    QUEUE_PREFIX: `{onegate-faults-${randomBytes(4).toString('hex')}}`,
    STORAGE_DIR: mkdtempSync(join(tmpdir(), 'onegate-faults-files-')),
    LOG_LEVEL: 'error',
    DEMO_PASSWORD,
    // Shared, so a token one API issues is honoured by the others.
    JWT_SECRET: randomBytes(24).toString('hex'),
    WORKER_CONCURRENCY: '2',
    // The demo citizen prepares many files before submitting them, or starts drafts in a loop under load.
    OPEN_DRAFTS_PER_ACCOUNT: '100000',
    ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    ...options.extra,
  };
}

/** A built OneGate program (API or worker) running as its own process, ready to serve. */
export class OneGateProcess {
  private constructor(
    public readonly url: string,
    private readonly running: Running,
  ) {}

  /** Starts `dist/apps/api/main.js` and waits until /health/ready answers 200. */
  public static api(env: Record<string, string>): Promise<OneGateProcess> {
    return OneGateProcess.launch(API_MAIN, 'PORT', env);
  }

  /** Starts `dist/apps/worker/main.js` and waits until its /health/ready answers 200. */
  public static worker(env: Record<string, string>): Promise<OneGateProcess> {
    return OneGateProcess.launch(WORKER_MAIN, 'WORKER_PORT', env);
  }

  private static async launch(
    main: string,
    portVariable: 'PORT' | 'WORKER_PORT',
    env: Record<string, string>,
  ): Promise<OneGateProcess> {
    const ports = { PORT: String(await freePort()), WORKER_PORT: String(await freePort()) };
    const running = start(main, { ...env, ...ports });
    const launched = new OneGateProcess(`http://127.0.0.1:${ports[portVariable]}`, running);
    const exited = running.finished.then((end) => {
      throw new Error(`${main} exited (${end.code ?? end.signal}) while starting: ${end.stderr.trim()}`);
    });
    await Promise.race([exited, launched.waitUntilReady(true, 60_000)]);
    exited.catch(() => undefined);
    return launched;
  }

  public get pid(): number {
    return this.running.child.pid!;
  }

  public output(): string {
    const { stdout, stderr } = this.running.output();
    return stdout + stderr;
  }

  /** SIGKILL: the process dies at once, in the middle of whatever it was doing. */
  public async kill(): Promise<void> {
    if (this.running.child.exitCode !== null || this.running.child.signalCode !== null) return;
    this.running.child.kill('SIGKILL');
    await this.running.finished;
  }

  /** SIGTERM: a clean stop; answers how it ended. */
  public async stop(): Promise<{ code: number | null; stderr: string }> {
    if (this.running.child.exitCode === null && this.running.child.signalCode === null)
      this.running.child.kill('SIGTERM');
    const end = await this.running.finished;
    return { code: end.code, stderr: end.stderr };
  }

  /** The status of GET /health/ready (0 when the process does not answer at all). */
  public async readiness(): Promise<number> {
    try {
      const response = await fetch(`${this.url}/health/ready`, { signal: AbortSignal.timeout(10_000) });
      await response.arrayBuffer();
      return response.status;
    } catch {
      return 0;
    }
  }

  /** Waits until /health/ready is green (200) or red (anything else). */
  public async waitUntilReady(ready: boolean, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (((await this.readiness()) === 200) === ready) return;
      await new Promise((wait) => setTimeout(wait, 100));
    }
    throw new Error(`${this.url}/health/ready did not turn ${ready ? 'green' : 'red'} in time`);
  }
}
