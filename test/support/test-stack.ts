import { INestApplication, Type } from '@nestjs/common';
import { DataSource } from 'typeorm';

import { AppConfig } from '@onegate/config';
import { openDatabase, seedDemoData } from '@onegate/persistence';

import { createApiApp } from '../../apps/api/src/create-api-app';
import { createWorkerApp } from '../../apps/worker/src/create-worker-app';
import { createTestDatabase, TestDatabase } from './test-database';
import { testConfig } from './test-config';

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
    private readonly api: INestApplication,
    private readonly worker: INestApplication | null,
  ) {}

  public static async start(options: { worker?: boolean; workerHandlers?: Type[] } = {}): Promise<TestStack> {
    const database = await createTestDatabase();
    const config = testConfig(database.config);
    const apiData = await openDatabase(config, 'run');
    await seedDemoData(apiData, config.demoPassword);
    const api = await createApiApp(config, apiData);
    await api.listen(0, '127.0.0.1');
    let worker: INestApplication | null = null;
    if (options.worker !== false) {
      worker = await createWorkerApp(config, await openDatabase(config, 'wait'), options.workerHandlers);
      await worker.listen(0, '127.0.0.1');
    }
    return new TestStack(
      config,
      await api.getUrl(),
      worker ? await worker.getUrl() : '',
      database,
      api,
      worker,
    );
  }

  public get apiDataSource(): DataSource {
    return this.api.get(DataSource);
  }

  public async stop(): Promise<void> {
    await this.worker?.close();
    await this.api.close();
    await this.database.drop();
  }
}
