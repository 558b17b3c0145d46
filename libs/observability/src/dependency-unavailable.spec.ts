import { ServiceUnavailableException } from '@nestjs/common';
import { describe, expect, it } from 'vitest';

import { unavailableAsHttp } from './dependency-unavailable';

describe('unavailableAsHttp', () => {
  it('turns a database outage into a 503 asking to try again', () => {
    const outages = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
      Object.assign(new Error('query failed'), { driverError: { code: '57P03' } }),
      new Error('Connection terminated unexpectedly'),
      new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })]),
    ];
    for (const outage of outages) {
      const answer = unavailableAsHttp(outage);
      expect(answer).toBeInstanceOf(ServiceUnavailableException);
      expect((answer as ServiceUnavailableException).message).toMatch(/try again/);
    }
  });

  it('leaves any other error as it is', () => {
    const other = [new Error('boom'), Object.assign(new Error('duplicate key'), { code: '23505' }), null];
    for (const error of other) expect(unavailableAsHttp(error)).toBe(error);
  });
});
