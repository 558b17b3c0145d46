import { rmSync } from 'node:fs';

import type { TestDatabase } from '../../support/test-database';
import { createTestDatabase } from '../../support/test-database';
import { queuesOf } from './inspection';
import type { DeploymentOptions } from './onegate-processes';
import { deploymentEnv } from './onegate-processes';
import { PrivateRedis } from './private-redis';

export interface DeploymentSetup extends Partial<Omit<DeploymentOptions, 'redisUrl'>> {
  /** Whether the private Redis keeps its data on disk across a crash. */
  persistentRedis?: boolean;
}

/**
 * What one fault test runs OneGate's processes on: a Redis of its own, a database (a fresh one, unless
 * the test brings its own URL), the environment every process shares, and the deployment's queues.
 */
export class Deployment {
  private constructor(
    public readonly redis: PrivateRedis,
    public readonly env: Record<string, string>,
    public readonly queues: ReturnType<typeof queuesOf>,
    private readonly database: TestDatabase | null,
  ) {}

  public static async start(setup: DeploymentSetup = {}): Promise<Deployment> {
    const { persistentRedis, databaseUrl, ...options } = setup;
    const redis = await PrivateRedis.start({ persistent: persistentRedis ?? false });
    const database = databaseUrl ? null : await createTestDatabase('postgres');
    const env = deploymentEnv({
      ...options,
      databaseUrl: databaseUrl ?? database!.config.url,
      redisUrl: redis.url,
    });
    return new Deployment(redis, env, queuesOf(env), database);
  }

  /** Removes what `start` made; the test stops its processes first. */
  public async remove(): Promise<void> {
    await this.queues.close();
    await this.database?.drop();
    await this.redis.remove();
    rmSync(this.env.STORAGE_DIR, { recursive: true, force: true });
  }
}
