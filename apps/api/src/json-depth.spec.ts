import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { nestsDeeperThan } from './json-depth';

const depthOf = (value: unknown): number =>
  typeof value === 'object' && value !== null ? 1 + Math.max(0, ...Object.values(value).map(depthOf)) : 0;

describe('nestsDeeperThan', () => {
  it('agrees with the parsed value on the depth of any JSON, strings with brackets included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 8 }), (value, limit) => {
        const bytes = Buffer.from(JSON.stringify(value));
        expect(nestsDeeperThan(bytes, limit)).toBe(depthOf(value) > limit);
      }),
      { numRuns: 200 },
    );
  });

  it('finds a body nested thousands deep without parsing it', () => {
    const deep = Buffer.from(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(nestsDeeperThan(deep, 32)).toBe(true);
    expect(nestsDeeperThan(Buffer.from('{"a":"[[[[{{{{\\"[[["}'), 1)).toBe(false);
  });
});
