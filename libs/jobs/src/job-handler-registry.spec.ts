import { describe, expect, it } from 'vitest';

import { checkHandlerCoverage, UnhandledJobsError } from './job-handler-registry';

describe('checkHandlerCoverage', () => {
  it('accepts exactly one handler per registered job', () => {
    expect(() => checkHandlerCoverage(['a.one', 'a.two'], ['a.two', 'a.one'])).not.toThrow();
  });

  it('names every job without a handler', () => {
    expect(() => checkHandlerCoverage(['a.one', 'a.two', 'b.three'], ['a.two'])).toThrow(
      new UnhandledJobsError(['a.one', 'b.three']),
    );
  });

  it('refuses two handlers for one job', () => {
    expect(() => checkHandlerCoverage(['a.one'], ['a.one', 'a.one'])).toThrow(/more than one handler/);
  });
});
