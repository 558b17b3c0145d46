import 'reflect-metadata';

import { assertRedisReachable } from '@onegate/jobs';
import { runProcess } from '@onegate/observability';
import { openDatabase } from '@onegate/persistence';

import { createWorkerApp } from './create-worker-app';

runProcess('worker', async (config) => {
  await assertRedisReachable(config.redisUrl);
  const dataSource = await openDatabase(config, 'wait');
  const app = await createWorkerApp(config, dataSource);
  await app.listen(config.workerPort);
  return app;
});
