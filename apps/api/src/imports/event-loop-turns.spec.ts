import { setImmediate } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import { EventLoopTurns } from './event-loop-turns';

describe('an import sharing the event loop', () => {
  it('lets waiting work run once a stretch has lasted its time, and not before', async () => {
    let clock = 0;
    const turns = new EventLoopTurns(20, () => clock);
    let waited = false;
    void setImmediate().then(() => (waited = true));

    clock = 19;
    await turns.share();
    expect(waited).toBe(false);

    clock = 20;
    await turns.share();
    expect(waited).toBe(true);
  });

  it('starts a new stretch after each turn', async () => {
    let clock = 0;
    const turns = new EventLoopTurns(20, () => clock);
    clock = 25;
    await turns.share();
    let waited = false;
    void setImmediate().then(() => (waited = true));
    clock = 44;
    await turns.share();
    expect(waited).toBe(false);
    clock = 45;
    await turns.share();
    expect(waited).toBe(true);
  });
});
