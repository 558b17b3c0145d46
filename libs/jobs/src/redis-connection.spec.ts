import { describe, expect, it } from 'vitest';

import { redisOptions } from './redis-connection';

describe('redisOptions', () => {
  it('reads host, port, credentials, database and TLS from the URL', () => {
    expect(redisOptions('rediss://user:p%40ss@cache.example:6380/2')).toMatchObject({
      host: 'cache.example',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 2,
      tls: {},
      maxRetriesPerRequest: null,
    });
  });

  it('defaults to port 6379 and database 0', () => {
    expect(redisOptions('redis://127.0.0.1')).toMatchObject({ port: 6379, db: 0, tls: undefined });
  });
});
