import { Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import Redis from 'ioredis';

import { AppConfig } from '@onegate/config';
import { redisOptions } from '@onegate/jobs';

import { RedisThrottlerStorage } from './redis-throttler.storage';

/** The Redis connection behind the rate limits; closed with the application. */
@Injectable()
export class ThrottleCounterStore implements OnApplicationShutdown {
  public readonly storage: RedisThrottlerStorage;
  private readonly redis: Redis;

  public constructor(config: AppConfig) {
    // Give up on a command after one reconnection attempt instead of waiting for Redis to return.
    this.redis = new Redis({ ...redisOptions(config.redisUrl), maxRetriesPerRequest: 1 });
    this.redis.on('error', () => undefined);
    this.storage = new RedisThrottlerStorage(this.redis, config.queuePrefix);
  }

  public onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

@Module({ providers: [ThrottleCounterStore], exports: [ThrottleCounterStore] })
export class ThrottleCounterModule {}
