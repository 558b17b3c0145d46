import Redis from 'ioredis';

import { redisOptions } from './redis-connection';

/** Fails fast with one line when Redis is not there, instead of BullMQ retrying forever. */
export async function assertRedisReachable(url: string, timeoutMs = 3_000): Promise<void> {
  const { hostname, port } = new URL(url);
  const client = new Redis({
    ...redisOptions(url),
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot reach Redis at ${hostname}:${port || 6379}: ${reason}`);
  } finally {
    client.disconnect();
  }
}
