// report: the summary of a year through the API (from the rollups), against the naive baseline: the
// same period's figures computed by one SQL query over the raw events.
import { bearer } from './accounts.mjs';
import { naiveSummary } from './baselines/naive-summary.mjs';
import { getJson, timeSequentially } from './timing.mjs';

const ROUNDS = 100;
const NAIVE_ROUNDS = 3;

export async function benchReports({ apiUrl, token, databaseUrl, year, agencyCode, provinceCode }) {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const headers = bearer(token);
  const results = {};
  for (const [scope, agency] of [
    ['agency', agencyCode],
    ['province', provinceCode],
  ]) {
    const url = `${apiUrl}/api/reports/summary?from=${from}&to=${to}&agency=${agency}`;
    const summary = await getJson(url, headers);
    const api = await timeSequentially(() => getJson(url, headers), { rounds: ROUNDS });
    const naive = await naiveSummary(databaseUrl, { from, to, agency, rounds: NAIVE_ROUNDS });
    results[scope] = {
      agency,
      api,
      naive: naive.latency,
      received: { api: summary.received, naive: naive.figures.received },
    };
  }
  return results;
}
