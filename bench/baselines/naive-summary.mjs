// The naive report: a year's summary of an agency (and those below it) computed by one plain SQL query
// over the raw events, as one would without rollups. Turnaround here is wall-clock time, not working time.
import pg from 'pg';

import { timeSequentially } from '../timing.mjs';

const SQL = `
WITH RECURSIVE scope AS (
  SELECT id FROM agencies WHERE code = $1
  UNION ALL SELECT agencies.id FROM agencies JOIN scope ON agencies.parent_id = scope.id
),
period AS (
  SELECT (extract(epoch FROM ($2::date::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000)::bigint AS starts,
         (extract(epoch FROM (($3::date + 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')) * 1000)::bigint AS ends
),
files AS (
  SELECT a.id, a.due_at,
         min(e.at) FILTER (WHERE e.type IN ('receive', 'register_counter')) AS received_at,
         bool_or(e.type = 'submit') AS online,
         min(e.at) FILTER (WHERE e.type IN ('approve', 'deny')) AS decided_at,
         min(e.at) FILTER (WHERE e.type = 'return') AS returned_at,
         min(e.at) FILTER (WHERE e.type = 'refuse') AS refused_at,
         min(e.at) FILTER (WHERE e.type = 'withdraw') AS withdrawn_at,
         bool_or(e.type = 'extend') AS extended,
         bool_or(e.channel = 'offline') AS offline
  FROM applications a JOIN application_events e ON e.application_id = a.id
  WHERE a.competent_agency_id IN (SELECT id FROM scope)
  GROUP BY a.id, a.due_at
)
SELECT
  count(*) FILTER (WHERE received_at >= starts AND received_at < ends AND refused_at IS NULL) AS received,
  count(*) FILTER (WHERE received_at >= starts AND received_at < ends AND refused_at IS NULL AND online) AS online_submitted,
  count(*) FILTER (WHERE decided_at >= starts AND decided_at < ends) AS decided,
  count(*) FILTER (WHERE decided_at >= starts AND decided_at < ends AND decided_at <= due_at) AS on_time,
  count(*) FILTER (WHERE decided_at >= starts AND decided_at < ends AND extended) AS extended,
  count(*) FILTER (WHERE returned_at >= starts AND returned_at < ends) AS returned,
  count(*) FILTER (WHERE returned_at >= starts AND returned_at < ends AND online AND NOT offline) AS fully_online,
  count(*) FILTER (WHERE refused_at >= starts AND refused_at < ends) AS refused,
  count(*) FILTER (WHERE withdrawn_at >= starts AND withdrawn_at < ends) AS withdrawn,
  count(*) FILTER (WHERE received_at < ends AND (decided_at IS NULL OR decided_at >= ends)
                   AND (withdrawn_at IS NULL OR withdrawn_at >= ends)) AS backlog,
  avg(decided_at - received_at) FILTER (WHERE decided_at >= starts AND decided_at < ends) / 28800000.0 AS mean_days,
  percentile_disc(0.5) WITHIN GROUP (ORDER BY decided_at - received_at)
    FILTER (WHERE decided_at >= starts AND decided_at < ends) / 28800000.0 AS p50_days
FROM files, period`;

export async function naiveSummary(databaseUrl, { from, to, agency, rounds }) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const run = () => client.query(SQL, [agency, from, to]);
    const { rows } = await run();
    const latency = await timeSequentially(run, { rounds, warmup: 0 });
    return { latency, figures: { ...rows[0], received: Number(rows[0].received) } };
  } finally {
    await client.end();
  }
}
