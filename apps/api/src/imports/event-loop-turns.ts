import { setImmediate } from 'node:timers/promises';

/** The longest stretch of an import's own work before the process's other requests get a turn. */
export const IMPORT_STRETCH_MS = 10;

/**
 * An import replays and encodes thousands of lines a batch, on the same process (and thread) as
 * everyone else's requests. Its loops call `share()` for each item: once a stretch has lasted
 * IMPORT_STRETCH_MS, the event loop runs what is waiting before the import goes on.
 */
export class EventLoopTurns {
  private since: number;

  public constructor(
    private readonly stretchMs = IMPORT_STRETCH_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.since = now();
  }

  public async share(): Promise<void> {
    if (this.now() - this.since < this.stretchMs) return;
    await setImmediate();
    this.since = this.now();
  }
}
