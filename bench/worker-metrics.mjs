// What the worker processes report of their deadline scans (`deadlines.scan`), from their /metrics.

/** Completed deadline scans over all workers: how many, and their mean run time in seconds. */
export async function deadlineScans(workers) {
  let scans = 0;
  let seconds = 0;
  for (const worker of workers) {
    const text = await (await fetch(`${worker.url}/metrics`)).text();
    scans += sample(text, 'onegate_job_duration_seconds_count');
    seconds += sample(text, 'onegate_job_duration_seconds_sum');
  }
  return { scans, meanSeconds: scans > 0 ? seconds / scans : null };
}

function sample(text, name) {
  const line = text
    .split('\n')
    .find(
      (candidate) =>
        candidate.startsWith(`${name}{`) &&
        candidate.includes('job="deadlines.scan"') &&
        candidate.includes('outcome="completed"'),
    );
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}
