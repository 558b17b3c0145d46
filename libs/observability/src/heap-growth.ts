import { constants, PerformanceObserver } from 'node:perf_hooks';
import type { NodeGCPerformanceDetail, PerformanceEntry } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';

/** How much the heap may grow after a full collection, as a share of what survived it, while that is small. */
export const SMALL_HEAP_GROWTH_PERCENT = 50;
/** Above this much surviving heap (an import's batches in flight), V8 chooses the growth itself. */
export const LARGE_HEAP_BYTES = 128 * 1024 * 1024;

const FLAG = '--heap-growing-percent';
const FULL_COLLECTIONS = new Set([
  constants.NODE_PERFORMANCE_GC_MAJOR,
  constants.NODE_PERFORMANCE_GC_INCREMENTAL,
]);

/** V8's --heap-growing-percent for the heap that survived a full collection; 0 lets V8 choose. */
export function heapGrowthPercent(survivedBytes: number): number {
  return survivedBytes < LARGE_HEAP_BYTES ? SMALL_HEAP_GROWTH_PERCENT : 0;
}

export interface HeapGrowthHooks {
  setFlags(flags: string): void;
  heapUsedBytes(): number;
}

const V8_HOOKS: HeapGrowthHooks = {
  setFlags: setFlagsFromString,
  heapUsedBytes: () => getHeapStatistics().used_heap_size,
};

/**
 * On a machine with more than a few GB of memory, V8 lets the old generation grow to four times what
 * survived the last full collection before it collects again. In an API process that growth is mostly
 * the garbage of finished requests: about 80 MB alive became 300–480 MB resident under load. While what
 * survives is small, the heap may only grow by half of it. A large surviving heap is left to V8: there,
 * collecting more often would cost an import more CPU than the memory it saves. An explicit
 * --heap-growing-percent on the command line wins. Returns a function that stops the adjustment.
 */
export function limitHeapGrowth(hooks: HeapGrowthHooks = V8_HOOKS): () => void {
  if (process.execArgv.some((argument) => argument.startsWith(FLAG))) return () => {};
  let current: number | null = null;
  const adjust = () => {
    const percent = heapGrowthPercent(hooks.heapUsedBytes());
    if (percent === current) return;
    hooks.setFlags(`${FLAG}=${percent}`);
    current = percent;
  };
  adjust();
  // V8 reads the flag when a full collection sets the next limit: each decision applies from the next one.
  const observer = new PerformanceObserver((list) => {
    if (list.getEntries().some(isFullCollection)) adjust();
  });
  observer.observe({ entryTypes: ['gc'] });
  return () => observer.disconnect();
}

/** A 'gc' entry carries its kind in `detail`, which Node's types leave off PerformanceEntry. */
function isFullCollection(entry: PerformanceEntry): boolean {
  const kind = (entry as PerformanceEntry & { detail?: NodeGCPerformanceDetail }).detail?.kind;
  return kind !== undefined && FULL_COLLECTIONS.has(kind);
}
