import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';

// Fixed window per key: count hits, start the window on the first, block the key once past the limit.
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) and redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
end
return { hits, ttl, redis.call('PTTL', KEYS[2]) }
`;

/** Throttler counters in Redis, so a limit holds across every API process. */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(RedisThrottlerStorage.name);

  public constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  public async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:throttle:${throttlerName}:${key}`;
    const counted = await this.count(base, ttl, limit, blockDuration);
    if (!counted) {
      // Redis is away: sign-in stays open (the account lockout still holds) rather than failing everyone.
      this.logger.warn('rate limit not counted: Redis unreachable');
      return { totalHits: 0, timeToExpire: Math.ceil(ttl / 1000), isBlocked: false, timeToBlockExpire: 0 };
    }
    const [hits, ttlMs, blockMs] = counted;
    return {
      totalHits: hits,
      timeToExpire: Math.ceil(Math.max(ttlMs, 0) / 1000),
      isBlocked: blockMs > 0,
      timeToBlockExpire: Math.ceil(Math.max(blockMs, 0) / 1000),
    };
  }

  private async count(base: string, ttl: number, limit: number, blockDuration: number) {
    return (await this.redis
      .eval(INCREMENT, 2, `${base}:hits`, `${base}:blocked`, ttl, limit, Math.max(blockDuration, 1))
      .catch(() => null)) as [number, number, number] | null;
  }
}
