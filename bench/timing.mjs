// Latency figures: nearest-rank percentiles over recorded durations, in milliseconds.
export function percentile(sortedMs, fraction) {
  if (sortedMs.length === 0) return null;
  const rank = Math.max(1, Math.ceil(fraction * sortedMs.length));
  return sortedMs[rank - 1];
}

export function latencyOf(durationsMs) {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

/** Times `rounds` calls of `once` one after another, after `warmup` untimed calls. */
export async function timeSequentially(once, { rounds, warmup = 3 }) {
  for (let index = 0; index < warmup; index += 1) await once();
  const durations = [];
  for (let index = 0; index < rounds; index += 1) {
    const started = performance.now();
    await once();
    durations.push(performance.now() - started);
  }
  return latencyOf(durations);
}

/** A GET that must answer 200; its body is read whole, as a client would. */
export async function getJson(url, headers) {
  const response = await fetch(url, { headers });
  const body = await response.json();
  if (response.status !== 200)
    throw new Error(`GET ${url} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}
