// report files: the drill-down from a figure of a year to its files (docs/metrics.md, "Drill-down"): the
// first page and a page deep in the list (by its cursor), for one agency and the whole province.
import { bearer } from './accounts.mjs';
import { getJson, timeSequentially } from './timing.mjs';

const ROUNDS = 100;
const FIGURES = ['received', 'late', 'backlog'];
/** Pages read before timing the deep one. */
const DEPTH = 20;

export async function benchReportFiles({ apiUrl, token, year, agencyCode, provinceCode }) {
  const headers = bearer(token);
  const results = {};
  for (const [scope, agency] of [
    ['agency', agencyCode],
    ['province', provinceCode],
  ]) {
    for (const figure of FIGURES) {
      const base = `${apiUrl}/api/reports/files?from=${year}-01-01&to=${year}-12-31&agency=${agency}&figure=${figure}&limit=50`;
      let cursor = null;
      for (let page = 0; page < DEPTH; page += 1) {
        const body = await getJson(cursor ? `${base}&cursor=${cursor}` : base, headers);
        if (!body.nextCursor) break;
        cursor = body.nextCursor;
      }
      const deepUrl = cursor ? `${base}&cursor=${cursor}` : base;
      results[`${scope} ${figure}`] = {
        agency,
        first: await timeSequentially(() => getJson(base, headers), { rounds: ROUNDS }),
        deep: await timeSequentially(() => getJson(deepUrl, headers), { rounds: ROUNDS }),
      };
    }
  }
  return results;
}
