import { spawnSync } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  heapGrowthPercent,
  LARGE_HEAP_BYTES,
  limitHeapGrowth,
  SMALL_HEAP_GROWTH_PERCENT,
} from './heap-growth';

const MB = 1024 * 1024;

/** A real full collection, as `node --expose-gc` would run it. */
function collectFully(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe('heapGrowthPercent', () => {
  it('lets a small heap grow by half of what survived, and leaves a large one to V8', () => {
    expect(heapGrowthPercent(80 * MB)).toBe(SMALL_HEAP_GROWTH_PERCENT);
    expect(heapGrowthPercent(LARGE_HEAP_BYTES - 1)).toBe(SMALL_HEAP_GROWTH_PERCENT);
    expect(heapGrowthPercent(LARGE_HEAP_BYTES)).toBe(0);
  });
});

describe('limitHeapGrowth', () => {
  let stop = () => {};
  afterEach(() => stop());

  it('sets the growth at once, and again after a full collection finds the heap changed', async () => {
    const flags: string[] = [];
    let heapUsed = 80 * MB;
    stop = limitHeapGrowth({ setFlags: (value) => flags.push(value), heapUsedBytes: () => heapUsed });
    expect(flags).toEqual(['--heap-growing-percent=50']);

    heapUsed = 300 * MB;
    collectFully();
    await vi.waitFor(() => expect(flags).toEqual(['--heap-growing-percent=50', '--heap-growing-percent=0']));

    heapUsed = 90 * MB;
    collectFully();
    await vi.waitFor(() => expect(flags.at(-1)).toBe('--heap-growing-percent=50'));
    expect(flags).toHaveLength(3);
  });

  it('changes nothing when the command line sets the growth', () => {
    const flags: string[] = [];
    process.execArgv.push('--heap-growing-percent=25');
    try {
      stop = limitHeapGrowth({ setFlags: (value) => flags.push(value), heapUsedBytes: () => 80 * MB });
    } finally {
      process.execArgv.pop();
    }
    expect(flags).toEqual([]);
  });

  it('sets a flag this Node version knows (V8 would ignore an unknown one)', () => {
    const { stdout } = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' });
    expect(stdout).toContain('--heap-growing-percent');
  });
});
