import { MS_PER_WORKING_DAY } from '../figures/histogram';
import type { CriterionId, CriterionSource, GroupId, IndexInputs, MissingData } from './criteria';
import { CRITERIA, GROUP_IDS } from './criteria';
import type { ScoringTableVersion } from './scoring-table';
import { pointsOf } from './scoring-table';

/** One criterion's figures for a unit and period (docs/decision-766.md, "The criteria"). */
export interface CriterionResult {
  id: CriterionId;
  group: GroupId;
  scored: boolean;
  /** Where it is computed from; null: not computed here (`missing` says what data is lacking). */
  source: CriterionSource | null;
  missing: MissingData | null;
  numerator: number | null;
  denominator: number | null;
  /**
   * `numerator / denominator`, times `factor` when there is one; null when not computed or nothing was
   * counted below the line.
   */
  rate: number | null;
  /** 3c only: the synchronisation factor its rate is multiplied by (1d's rate). */
  factor?: number;
  /** 2b only: the mean resolution time in working days. */
  meanDays?: number | null;
  points: number | null;
  max: number | null;
  fullAt: number | null;
  confirmed: boolean;
}

export interface GroupResult {
  id: GroupId;
  max: number;
  confirmed: boolean;
  /** The points of its computed criteria. */
  points: number;
  /** The maxima of the criteria that gave points: what `points` is out of. */
  computableMax: number;
}

export interface ServiceIndexFigures {
  scoringVersion: number;
  total: number;
  computableMax: number;
  groups: GroupResult[];
  criteria: CriterionResult[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Scores one unit's inputs with a version of the scoring table. A criterion counts in its group's
 * points (and in the maximum shown beside them) only when it is computed and its rate is not null.
 */
export function serviceIndexOf(inputs: IndexInputs, table: ScoringTableVersion): ServiceIndexFigures {
  const criteria: CriterionResult[] = CRITERIA.map((definition) => {
    const scoring = table.criteria.find((criterion) => criterion.id === definition.id);
    const base = {
      id: definition.id,
      group: definition.group,
      scored: definition.scored,
      max: definition.scored ? (scoring?.max ?? 0) : null,
      fullAt: definition.scored ? (scoring?.fullAt ?? 1) : null,
      confirmed: scoring?.confirmed ?? false,
    };
    if (definition.source === null) {
      return {
        ...base,
        source: null,
        missing: definition.missing,
        numerator: null,
        denominator: null,
        rate: null,
        points: null,
      };
    }
    const { numerator, denominator, factor } = definition.measure(inputs);
    if (!definition.scored) {
      const meanDays = denominator === 0 ? null : numerator / denominator / MS_PER_WORKING_DAY;
      return {
        ...base,
        source: definition.source,
        missing: null,
        numerator: round2(numerator / MS_PER_WORKING_DAY),
        denominator,
        rate: null,
        meanDays,
        points: null,
      };
    }
    const rate = denominator === 0 ? null : (numerator / denominator) * (factor ?? 1);
    return {
      ...base,
      source: definition.source,
      missing: null,
      numerator,
      denominator,
      ...(factor === undefined ? {} : { factor }),
      rate,
      points: rate === null ? null : pointsOf(rate, { max: base.max ?? 0, fullAt: base.fullAt ?? 1 }),
    };
  });
  const groups: GroupResult[] = GROUP_IDS.map((id) => {
    const scoring = table.groups.find((group) => group.id === id);
    const counted = criteria.filter((criterion) => criterion.group === id && criterion.points !== null);
    return {
      id,
      max: scoring?.max ?? 0,
      confirmed: scoring?.confirmed ?? false,
      points: round2(counted.reduce((sum, criterion) => sum + criterion.points!, 0)),
      computableMax: round2(counted.reduce((sum, criterion) => sum + criterion.max!, 0)),
    };
  });
  return {
    scoringVersion: table.version,
    total: round2(groups.reduce((sum, group) => sum + group.points, 0)),
    computableMax: round2(groups.reduce((sum, group) => sum + group.computableMax, 0)),
    groups,
    criteria,
  };
}
