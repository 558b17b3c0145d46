// service-index: the Decision 766 index of the whole province for a year through the API (from the
// rollups, docs/decision-766.md), and the ranking of the agencies below it.
import { bearer } from './accounts.mjs';
import { getJson, timeSequentially } from './timing.mjs';

const ROUNDS = 100;

export async function benchServiceIndex({ apiUrl, token, year, provinceCode }) {
  const query = `from=${year}-01-01&to=${year}-12-31&agency=${provinceCode}`;
  const headers = bearer(token);
  const results = {};
  for (const [part, path] of [
    ['index', 'service-index'],
    ['ranking', 'service-index/ranking'],
  ]) {
    const url = `${apiUrl}/api/reports/${path}?${query}`;
    await getJson(url, headers);
    results[part] = await timeSequentially(() => getJson(url, headers), { rounds: ROUNDS });
  }
  return { agency: provinceCode, ...results };
}
