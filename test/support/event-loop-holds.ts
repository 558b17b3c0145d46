/** How long the process's own work held its event loop, and how late its timers came in all. */
export interface EventLoopHolds {
  /** The longest a timer came late while the process was itself at work (on the CPU). */
  longestOwnMs: number;
  /** The longest a timer came late, whatever the cause, a busy machine included. */
  longestLateMs: number;
}

/**
 * Watches the event loop with a timer every `tickMs`. A tick that comes W ms late while the process
 * used C ms of CPU was held by the process's own work for at most min(W, C): on a busy machine the
 * process may get no CPU for a while, which makes timers late without any work of its own holding the
 * loop, and that is no fault of the code under test.
 */
export function watchEventLoopHolds(tickMs = 5): { stop(): EventLoopHolds } {
  const holds: EventLoopHolds = { longestOwnMs: 0, longestLateMs: 0 };
  let last = performance.now();
  let lastCpu = process.cpuUsage();
  const tick = () => {
    const now = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    const late = now - last - tickMs;
    holds.longestLateMs = Math.max(holds.longestLateMs, late);
    holds.longestOwnMs = Math.max(holds.longestOwnMs, Math.min(late, (cpu.user + cpu.system) / 1000));
    last = now;
    lastCpu = process.cpuUsage();
    timer = setTimeout(tick, tickMs);
  };
  let timer = setTimeout(tick, tickMs);
  return {
    stop: () => {
      clearTimeout(timer);
      return holds;
    },
  };
}
