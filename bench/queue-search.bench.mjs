// queue search: a clerk's queue searched by receipt code, applicant name and national ID number, and
// filtered pages, through the API; beside each, the same query's SQL sent alone (the floor).
import { bearer, registerCitizenAccounts } from './accounts.mjs';
import { foldName, queueSql } from './baselines/queue-sql.mjs';
import { withClient } from './stack.mjs';
import { getJson, timeSequentially } from './timing.mjs';

const ROUNDS = 200;
const LIMIT = 20;
const DAY_MS = 24 * 3_600_000;
// As the queue reads them (libs/applications/src/application-reading.service.ts, libs/domain).
const WAITING = ['submitted', 'received', 'in_progress', 'supplement_requested'];
const CLOSED = ['returned', 'refused', 'withdrawn'];
/** The demo clerk's paper procedure and a valid form for it. */
/** A procedure of the demo clerk's agency (Ha Long), with steps, registered at the counter. */
export const COUNTER_PROCEDURE = '1.001612';
export const counterForm = (fullName, nationalId) => ({
  fullName,
  nationalId,
  phone: '0912345678',
  businessName: 'Tạp hoá Thử Tải',
  capital: 50_000_000,
});
const ACCOUNTS_WITH_FILES = 10;
const HELD_FILES = 30;

async function postJson(url, headers, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = await response.json();
  if (response.status >= 300)
    throw new Error(`POST ${url} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

/** Files and names of the seeded queue to search for, picked at random. */
async function sample(client, agencyId) {
  const inScope = `(competent_agency_id = $1 OR receiving_agency_id = $1) AND code IS NOT NULL`;
  const pick = async (states, count) =>
    (
      await client.query(
        `SELECT id, code, applicant_name FROM applications
         WHERE ${inScope} AND state = ANY($2) ORDER BY random() LIMIT $3`,
        [agencyId, states, count],
      )
    ).rows;
  const { rows: procedures } = await client.query(
    `SELECT p.id, p.code, count(*) AS files FROM applications a JOIN procedures p ON p.id = a.procedure_id
     WHERE (a.competent_agency_id = $1 OR a.receiving_agency_id = $1) AND a.state = ANY($2)
     GROUP BY p.id, p.code ORDER BY files DESC LIMIT 1`,
    [agencyId, WAITING],
  );
  const { rows: toHold } = await client.query(
    `SELECT id FROM applications WHERE competent_agency_id = $1 AND state = ANY($2) AND assignee_id IS NULL
     ORDER BY random() LIMIT $3`,
    [agencyId, ['received', 'in_progress'], HELD_FILES],
  );
  return {
    open: await pick(WAITING, 40),
    finished: await pick(CLOSED, 10),
    procedure: procedures[0],
    toHold: toHold.map((row) => row.id),
  };
}

/**
 * Through the API as a clerk would: paper files registered for citizens who have an account (so that
 * their national ID numbers find files), and files the clerk takes (holder=me).
 */
async function prepare({ apiUrl, clerkToken, toHold }) {
  const headers = bearer(clerkToken);
  const clerk = await getJson(`${apiUrl}/api/me`, headers);
  const accounts = await registerCitizenAccounts(apiUrl, ACCOUNTS_WITH_FILES);
  for (const { nationalId } of accounts) {
    for (let copy = 0; copy < 2; copy += 1) {
      await postJson(`${apiUrl}/api/applications/counter`, headers, {
        procedureCode: COUNTER_PROCEDURE,
        applicant: { nationalId, fullName: 'Công Dân Thử Tải' },
        formData: counterForm('Công Dân Thử Tải', nationalId),
      });
    }
  }
  for (const id of toHold) {
    await postJson(`${apiUrl}/api/applications/${id}/actions`, headers, {
      action: 'assign',
      assigneeId: clerk.id,
    });
  }
  const hashes = await Promise.all(
    accounts.map(async ({ token, nationalId }) => ({
      nationalId,
      userId: (await getJson(`${apiUrl}/api/me`, bearer(token))).id,
    })),
  );
  return { clerkId: clerk.id, accounts: hashes };
}

const unknownNationalId = (index) => `0221${String(90_000_000 + index * 7_919).padStart(8, '0')}`;

/** Each search: the API's query string and the repository's filter it makes, one per request. */
function searches({ picked, agencyCode, hashOf }) {
  const code = [
    ...picked.open.slice(0, 30).map((file, index) => ({
      q: index % 6 === 0 ? file.code.toLowerCase() : file.code,
      filter: { codePrefix: file.code, excludedStates: CLOSED },
    })),
    ...picked.finished.map((file) => ({
      q: file.code,
      finished: true,
      filter: { codePrefix: file.code },
    })),
    // A day's files at the agency: the code's agency and date.
    ...picked.open.slice(30, 35).map((file) => ({
      q: file.code.slice(0, agencyCode.length + 7),
      filter: { codePrefix: file.code.slice(0, agencyCode.length + 7), excludedStates: CLOSED },
    })),
    ...[1, 2, 3, 4, 5].map((index) => ({
      q: `${agencyCode}-991231-X${index}`,
      filter: { codePrefix: `${agencyCode}-991231-X${index}`, excludedStates: CLOSED },
    })),
  ];
  const name = [
    // The whole name as written, with its accents; then a word and part of a number, folded.
    ...picked.open.slice(0, 30).map((file) => ({ q: file.applicant_name })),
    ...picked.open.slice(30, 40).map((file) => ({
      q: `nop ${foldName(file.applicant_name).split(' ').at(-1).slice(0, 4)}`,
    })),
    ...['Trần Thị Không Có', 'Lê Văn An', 'nguyen thi bich ngoc', 'Phạm Đức Vũ', 'Hồ Xuân'].map((q) => ({
      q,
    })),
  ].map((search) => ({ ...search, filter: { applicantName: search.q, excludedStates: CLOSED } }));
  const nationalId = [
    ...hashOf.map(({ nationalId, hash }) => ({ q: nationalId, filter: { nationalIdHash: hash } })),
    ...hashOf.map((_, index) => ({
      q: unknownNationalId(index),
      filter: { nationalIdHash: `unknown-${index}` },
    })),
  ].map((search) => ({ ...search, filter: { ...search.filter, excludedStates: CLOSED } }));
  return { code, name, nationalId };
}

/** The filtered pages: one query each, repeated. */
function filteredPages({ picked, clerkId, now }) {
  return {
    procedureOverdue: [
      {
        params: { procedure: picked.procedure.code, overdue: 'true' },
        filter: {
          procedureId: picked.procedure.id,
          states: WAITING,
          dueBefore: now,
          excludedStates: CLOSED,
        },
      },
    ],
    holderMe: [{ params: { holder: 'me' }, filter: { assigneeId: clerkId, excludedStates: CLOSED } }],
    dueSoon: [
      {
        params: { dueSoon: 'true' },
        filter: { states: WAITING, dueBefore: now + DAY_MS, excludedStates: CLOSED },
      },
    ],
  };
}

/**
 * Times the API and the bare SQL over the same queries in turn (one request after another, cycling
 * through them). First checks, query by query, that both find the same files.
 */
async function measure({ apiUrl, headers, client, agencyId, queries }) {
  const urlOf = (query) => {
    const params = { ...(query.params ?? {}), limit: String(LIMIT) };
    if (query.q !== undefined) params.q = query.q;
    if (query.finished) params.finished = 'true';
    return `${apiUrl}/api/applications?${new URLSearchParams(params)}`;
  };
  const sqlOf = (query) => queueSql({ agencyIds: [agencyId], limit: LIMIT, ...query.filter });
  let found = 0;
  for (const query of queries) {
    const api = (await getJson(urlOf(query), headers)).items.map((item) => item.id);
    const { text, values } = sqlOf(query);
    const sql = (await client.query(text, values)).rows.map((row) => row.id);
    if (api.join() !== sql.join())
      throw new Error(`${urlOf(query)}: the API found [${api}] and the bare SQL [${sql}]`);
    if (api.length > 0) found += 1;
  }
  let apiTurn = 0;
  let sqlTurn = 0;
  return {
    queries: queries.length,
    found,
    api: await timeSequentially(() => getJson(urlOf(queries[apiTurn++ % queries.length]), headers), {
      rounds: ROUNDS,
    }),
    sql: await timeSequentially(
      () => {
        const { text, values } = sqlOf(queries[sqlTurn++ % queries.length]);
        return client.query(text, values);
      },
      { rounds: ROUNDS },
    ),
  };
}

export async function benchQueueSearch({ apiUrl, clerkToken, databaseUrl, agencyCode }) {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query('SELECT id FROM agencies WHERE code = $1', [agencyCode]);
    const agencyId = rows[0].id;
    const picked = await sample(client, agencyId);
    const { clerkId, accounts } = await prepare({ apiUrl, clerkToken, toHold: picked.toHold });
    const { rows: users } = await client.query('SELECT id, national_id_hash FROM users WHERE id = ANY($1)', [
      accounts.map((account) => account.userId),
    ]);
    const hashOf = accounts.map((account) => ({
      nationalId: account.nationalId,
      hash: users.find((user) => user.id === account.userId).national_id_hash,
    }));
    const headers = bearer(clerkToken);
    const all = {
      ...searches({ picked, agencyCode, hashOf }),
      ...filteredPages({ picked, clerkId, now: Date.now() }),
    };
    const results = { procedure: picked.procedure.code };
    for (const [name, queries] of Object.entries(all)) {
      results[name] = await measure({ apiUrl, headers, client, agencyId, queries });
    }
    return results;
  });
}
