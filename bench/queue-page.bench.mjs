// queue page: a clerk's queue through the API, its first page and a page deep inside it.
import { bearer } from './accounts.mjs';
import { withClient } from './stack.mjs';
import { getJson, timeSequentially } from './timing.mjs';

const ROUNDS = 200;

/**
 * The deep page starts after the file halfway down the clerk's queue. Walking there page by page would
 * take thousands of requests, so its cursor is made from that file's (dueAt, id), as the API makes it.
 */
async function deepCursor(databaseUrl, agencyCode) {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(
      `WITH agency AS (SELECT id FROM agencies WHERE code = $1)
       SELECT (SELECT count(*) FROM applications, agency
               WHERE state <> 'draft' AND (competent_agency_id = agency.id OR receiving_agency_id = agency.id))::int AS size`,
      [agencyCode],
    );
    const size = rows[0].size;
    const { rows: middle } = await client.query(
      `WITH agency AS (SELECT id FROM agencies WHERE code = $1)
       SELECT a.due_at, a.id FROM applications a, agency
       WHERE a.state <> 'draft' AND (a.competent_agency_id = agency.id OR a.receiving_agency_id = agency.id)
       ORDER BY a.due_at ASC NULLS FIRST, a.id ASC OFFSET $2 LIMIT 1`,
      [agencyCode, Math.floor(size / 2)],
    );
    const dueAt = middle[0].due_at === null ? null : Number(middle[0].due_at);
    return { size, cursor: Buffer.from(JSON.stringify([dueAt, middle[0].id])).toString('base64url') };
  });
}

export async function benchQueuePage({ apiUrl, clerkToken, databaseUrl, agencyCode }) {
  const { size, cursor } = await deepCursor(databaseUrl, agencyCode);
  const headers = bearer(clerkToken);
  const first = await getJson(`${apiUrl}/api/applications?limit=20`, headers);
  if (first.items.length !== Math.min(20, size))
    throw new Error(`queue page has ${first.items.length} files`);
  return {
    queueSize: size,
    first: await timeSequentially(() => getJson(`${apiUrl}/api/applications?limit=20`, headers), {
      rounds: ROUNDS,
    }),
    deep: await timeSequentially(
      () => getJson(`${apiUrl}/api/applications?limit=20&cursor=${cursor}`, headers),
      { rounds: ROUNDS },
    ),
  };
}
