import type { Language } from '@onegate/domain';
import { DRILL_DOWN_FIGURES, GROUP_IDS } from '@onegate/reporting';

import type { ServiceIndexRanking, ServiceIndexReport } from '../../reports/service-index.service';
import type { Period } from './dashboard-page.view';
import { drillDownHref } from './figure-files-page.view';

/**
 * The list a criterion's numerator or denominator links to, in the index's scope, or null for a figure
 * that is not a count of files (docs/decision-766.md, "Drill-down").
 */
function indexLink(period: Period, criterion: string, part: 'numerator' | 'denominator'): string | null {
  const figure = `index.${criterion}.${part}`;
  if (!(DRILL_DOWN_FIGURES as readonly string[]).includes(figure)) return null;
  return drillDownHref({ from: period.from, to: period.to, agency: period.agency }, figure);
}

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
            links: {
              numerator: indexLink(period, criterion.id, 'numerator'),
              denominator: indexLink(period, criterion.id, 'denominator'),
            },
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
