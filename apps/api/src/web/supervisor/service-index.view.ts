import type { Language } from '@onegate/domain';
import { GROUP_IDS } from '@onegate/reporting';

import type { ServiceIndexRanking, ServiceIndexReport } from '../../reports/service-index.service';
import type { Period } from './dashboard-page.view';

/** The dashboard's service index section (docs/decision-766.md): groups, criteria, ranking, exports. */
export function serviceIndexView(
  lang: Language,
  period: Period,
  index: ServiceIndexReport,
  ranking: ServiceIndexRanking,
) {
  const { from, to, agency } = period;
  const exportOf = (path: string, format: string) =>
    `/api/reports/${path}/export?${new URLSearchParams({ from, to, ...(agency ? { agency } : {}), lang, format })}`;
  return {
    total: index.total,
    computableMax: index.computableMax,
    scoringVersion: index.scoringVersion,
    groups: GROUP_IDS.map((id) => {
      const group = index.groups.find((candidate) => candidate.id === id)!;
      return {
        ...group,
        nameKey: `serviceIndex.group${id}`,
        criteria: index.criteria
          .filter((criterion) => criterion.group === id)
          .map((criterion) => ({
            ...criterion,
            nameKey: `serviceIndex.criterion_${criterion.id}`,
            computed: criterion.source !== null,
            missingKey: criterion.missing ? `serviceIndex.missing_${criterion.missing}` : null,
            noFiles: criterion.source !== null && criterion.denominator === 0,
            noFilesKey: criterion.source === 'feedback' ? 'serviceIndex.noFeedback' : 'serviceIndex.noFiles',
            unconfirmed: criterion.scored && !criterion.confirmed,
          })),
      };
    }),
    resolution: index.resolutionByProcedure,
    ranking: ranking.units,
    exports: {
      indexCsv: exportOf('service-index', 'csv'),
      indexXlsx: exportOf('service-index', 'xlsx'),
      rankingCsv: exportOf('service-index/ranking', 'csv'),
      rankingXlsx: exportOf('service-index/ranking', 'xlsx'),
    },
  };
}
