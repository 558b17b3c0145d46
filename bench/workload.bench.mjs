// workload: the open files now per clerk, step and holding agency (GET /api/reports/workload), for the
// clerk's agency and the whole province, and the 20 open files longest without an event
// (GET /api/reports/stalled) for the province (docs/metrics.md, "Workload", "Stalled files"); each beside
// its floor: the bare SQL the endpoint runs, through `pg`, timed the same way.
import { bearer } from './accounts.mjs';
import { withClient } from './stack.mjs';
import { getJson, timeSequentially } from './timing.mjs';

const ROUNDS = 100;
const OPEN_FILE = `a.state NOT IN ('draft', 'returned', 'refused', 'withdrawn')`;

/** The ids of an agency and of every agency below it. */
async function subtree(client, code) {
  const { rows } = await client.query(
    `WITH RECURSIVE tree AS (SELECT id FROM agencies WHERE code = $1
       UNION ALL SELECT a.id FROM agencies a JOIN tree ON a.parent_id = tree.id)
     SELECT id FROM tree`,
    [code],
  );
  return rows.map((row) => row.id);
}

export async function benchWorkload({ apiUrl, token, databaseUrl, agencyCode, provinceCode }) {
  const headers = bearer(token);
  const results = {};
  await withClient(databaseUrl, async (client) => {
    const timed = async (url, sql, parameters) => {
      const body = await getJson(url, headers);
      return {
        api: await timeSequentially(() => getJson(url, headers), { rounds: ROUNDS }),
        floor: await timeSequentially(() => client.query(sql, parameters), { rounds: ROUNDS }),
        body,
      };
    };
    for (const [scope, code] of [
      ['agency', agencyCode],
      ['province', provinceCode],
    ]) {
      const ids = await subtree(client, code);
      const { api, floor, body } = await timed(
        `${apiUrl}/api/reports/workload?agency=${code}`,
        `SELECT a.assignee_id, a.step_id, COALESCE(a.step_agency_id, a.competent_agency_id) AS holding_agency_id,
                COUNT(*) AS open, SUM(CASE WHEN a.state <> 'supplement_requested' AND a.due_at < $1 THEN 1 ELSE 0 END) AS overdue
         FROM applications a WHERE ${OPEN_FILE} AND a.competent_agency_id = ANY($2::varchar[])
         GROUP BY a.assignee_id, a.step_id, COALESCE(a.step_agency_id, a.competent_agency_id)`,
        [Date.now(), ids],
      );
      const open = body.clerks.reduce((sum, line) => sum + line.open, 0);
      results[`workload ${scope}`] = { agency: code, open, api, floor };
    }
    const ids = await subtree(client, provinceCode);
    const { api, floor } = await timed(
      `${apiUrl}/api/reports/stalled?agency=${provinceCode}`,
      `SELECT a.id, a.code, a.competent_agency_id, a.state, e.type, e.at
       FROM applications a JOIN application_events e ON e.application_id = a.id
       WHERE ${OPEN_FILE} AND a.competent_agency_id = ANY($1::varchar[])
         AND e.sequence = (SELECT MAX(l.sequence) FROM application_events l WHERE l.application_id = a.id)
       ORDER BY e.at ASC, a.id ASC LIMIT 20`,
      [ids],
    );
    results['stalled province'] = { agency: provinceCode, api, floor };
  });
  return results;
}
