/** Statuses whose Retry-After is honoured (docs/webhooks.md, "Retries"). */
const THROTTLING = new Set([429, 502, 504]);
const GROWTH = 4;
const JITTER = 0.25;

/** The first wait and the longest one of a retry schedule. */
export interface RetryWaits {
  retryFirstMs: number;
  retryLongestMs: number;
}

/**
 * The wait before the retry that follows failed attempt `attempt` (1 for the first): the first wait,
 * four times longer at each attempt, capped, each spread by ±25% so failed receivers are not all
 * retried at once. A throttling answer's Retry-After replaces it, under the same cap. Webhooks
 * (docs/webhooks.md) and the national portal's synchronisation (docs/integrations.md) both wait so.
 */
export function retryDelayMs(
  attempt: number,
  config: RetryWaits,
  answer: { status: number | null; retryAfterMs: number | null },
  random: () => number = Math.random,
): number {
  if (answer.status !== null && THROTTLING.has(answer.status) && answer.retryAfterMs !== null)
    return Math.min(answer.retryAfterMs, config.retryLongestMs);
  const base = Math.min(config.retryFirstMs * GROWTH ** Math.min(attempt - 1, 30), config.retryLongestMs);
  const spread = 1 - JITTER + random() * 2 * JITTER;
  return Math.round(Math.min(base * spread, config.retryLongestMs));
}
