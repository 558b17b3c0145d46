import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';

import { AppConfig } from '@onegate/config';

import { JobDispatcher } from './job-dispatcher';
import { OutboxModule } from './outbox.module';
import { ALL_QUEUES, QUEUE_JOB_OPTIONS } from './job-registry';
import { queueMapProvider } from './queue-map';
import { redisOptions } from './redis-connection';

const queueRegistrations = BullModule.registerQueue(
  ...ALL_QUEUES.map((name) => ({ name, defaultJobOptions: QUEUE_JOB_OPTIONS[name] })),
);

/** Connects BullMQ to Redis under the configured (hash-tagged) prefix and registers every queue. */
@Module({})
export class JobsModule {
  public static forRoot(): DynamicModule {
    return {
      module: JobsModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            connection: redisOptions(config.redisUrl),
            prefix: config.queuePrefix,
          }),
        }),
        queueRegistrations,
        OutboxModule,
      ],
      providers: [queueMapProvider, JobDispatcher],
      exports: [JobDispatcher, queueRegistrations],
    };
  }
}
