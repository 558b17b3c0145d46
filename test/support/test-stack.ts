import type { INestApplication, Type } from '@nestjs/common';
import { DataSource } from 'typeorm';

import type { AppConfig } from '@onegate/config';
import { openDatabase, seedDemoData } from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import { createApiApp } from '../../apps/api/src/create-api-app';
import { seedDemoHistory } from '../../apps/api/src/imports/demo-history.seeder';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import type { TestDatabase } from './test-database';
import { ResponseCheck } from './openapi-response-check';
import { createTestDatabase } from './test-database';
import { testConfig } from './test-config';
import { removeSuiteLeftovers } from './test-leftovers';

export interface TestStackOptions {
  worker?: boolean;
  /** The modules whose services handle the worker's jobs, when not the worker's own. */
  workerJobModules?: Type[];
  /** The API's port, when the configuration must know its URL up front; any free port otherwise. */
  apiPort?: number;
  /** Adjusts the suite's configuration before anything starts. */
  configure?: (config: AppConfig) => AppConfig;
}

/**
 * The real API and the real worker, each with its own connection to a fresh database, both on the
 * real Redis, listening on free ports of this machine.
 */
export class TestStack {
  private constructor(
    public readonly config: AppConfig,
    public readonly apiUrl: string,
    public readonly workerUrl: string,
    private readonly database: TestDatabase,
    public readonly api: INestApplication,
    public readonly worker: INestApplication | null,
    /** Every answer of the API checked against the OpenAPI document (docs/api.md). */
    public readonly responses: ResponseCheck,
  ) {}

  /** Starts the stack; if any part fails to start, what was started is closed and removed again. */
  public static async start(options: TestStackOptions = {}): Promise<TestStack> {
    const database = await createTestDatabase();
    const built = testConfig(database.config);
    const config = options.configure ? options.configure(built) : built;
    const started: INestApplication[] = [];
    try {
      const apiData = await openDatabase(config, 'run');
      await seedDemoData(apiData, config.demoPassword);
      const api = await createApiApp(config, apiData);
      started.push(api);
      const responses = ResponseCheck.install(api);
      await api.listen(options.apiPort ?? 0, '127.0.0.1');
      // Only a suite that asks for it (DEMO_HISTORY) seeds the demo history, as npm start does.
      if (config.demoHistory) await seedDemoHistory(api, config.demoHistory.files);
      let worker: INestApplication | null = null;
      if (options.worker !== false) {
        worker = await createWorkerApp(config, await openDatabase(config, 'wait'), options.workerJobModules);
        started.push(worker);
        await worker.listen(0, '127.0.0.1');
      }
      return new TestStack(
        config,
        await api.getUrl(),
        worker ? await worker.getUrl() : '',
        database,
        api,
        worker,
        responses,
      );
    } catch (error) {
      await closeAndRemove(started.reverse(), database, config);
      throw error;
    }
  }

  /** Stops OneGate's clock (in the API and the worker) at a given time, or lets it run again with null. */
  public freezeClock(at: Date | null): void {
    // Every module that provides a clock (the import's own too) reads the same frozen time.
    for (const app of [this.api, this.worker]) {
      for (const clock of app?.get(Clock, { strict: false, each: true }) ?? []) clock.freeze(at);
    }
  }

  public get apiDataSource(): DataSource {
    return this.api.get(DataSource);
  }

  public async stop(): Promise<void> {
    await closeAndRemove([this.worker, this.api], this.database, this.config);
    this.responses.conclude();
  }
}

/** Closes the apps, then removes the database, queue keys and stored files even if a close fails. */
async function closeAndRemove(
  apps: (INestApplication | null)[],
  database: TestDatabase,
  config: AppConfig,
): Promise<void> {
  try {
    for (const app of apps) await app?.close();
  } finally {
    await database.drop();
    await removeSuiteLeftovers(config);
  }
}
