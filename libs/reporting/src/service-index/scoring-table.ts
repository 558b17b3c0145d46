import { CRITERIA, GROUP_IDS } from './criteria';
import type { CriterionId, GroupId } from './criteria';

/** A group's maximum points. `confirmed`: the figure comes from a government or legal source. */
export interface GroupScoring {
  readonly id: GroupId;
  readonly max: number;
  readonly confirmed: boolean;
}

/**
 * A criterion's maximum and its rate→points rule: a rate of `fullAt` or more gives the maximum, a lower
 * one `rate × max / fullAt` (1 is linear, 0.8 "80% or more gives the maximum").
 */
export interface CriterionScoring {
  readonly id: CriterionId;
  readonly max: number;
  readonly fullAt: number;
  readonly confirmed: boolean;
}

export interface ScoringTableDefinition {
  readonly groups: readonly GroupScoring[];
  readonly criteria: readonly CriterionScoring[];
}

/** One stored version of the table (docs/decision-766.md, "The scoring table"). */
export interface ScoringTableVersion extends ScoringTableDefinition {
  readonly version: number;
  readonly effectiveFrom: string;
  readonly createdAt: string;
}

/** A problem with a proposed table, naming the field as the API's 400 does. */
export interface ScoringProblem {
  readonly field: string;
  readonly problem: string;
}

/** docs/decision-766.md, "The scoring table": the defaults OneGate ships (version 1). */
export const DEFAULT_SCORING_TABLE: ScoringTableDefinition = {
  groups: [
    { id: '1', max: 18, confirmed: true },
    { id: '2', max: 20, confirmed: true },
    { id: '3', max: 22, confirmed: true },
    { id: '4', max: 22, confirmed: true },
    { id: '5', max: 18, confirmed: true },
  ],
  criteria: [
    { id: '1a', max: 6, fullAt: 1, confirmed: false },
    { id: '1b', max: 4, fullAt: 1, confirmed: false },
    { id: '1c', max: 2, fullAt: 1, confirmed: false },
    { id: '1d', max: 6, fullAt: 1, confirmed: false },
    { id: '2a', max: 20, fullAt: 1, confirmed: false },
    { id: '3a', max: 4, fullAt: 0.8, confirmed: false },
    { id: '3b', max: 2, fullAt: 1, confirmed: false },
    { id: '3c', max: 6, fullAt: 0.5, confirmed: false },
    { id: '3d', max: 4, fullAt: 0.8, confirmed: false },
    { id: '3e', max: 6, fullAt: 1, confirmed: false },
    { id: '4a', max: 6, fullAt: 1, confirmed: false },
    { id: '4b', max: 4, fullAt: 0.8, confirmed: false },
    { id: '4c', max: 2, fullAt: 0.8, confirmed: false },
    { id: '5a', max: 6, fullAt: 1, confirmed: false },
    { id: '5b', max: 6, fullAt: 1, confirmed: false },
    { id: '5c', max: 6, fullAt: 0.9, confirmed: false },
  ],
};

/** Points for a rate: the maximum from `fullAt` on, proportionally below; never above the maximum. */
export function pointsOf(rate: number, scoring: Pick<CriterionScoring, 'max' | 'fullAt'>): number {
  const points = rate >= scoring.fullAt ? scoring.max : (rate * scoring.max) / scoring.fullAt;
  return Math.min(scoring.max, Math.round(points * 100) / 100);
}

/**
 * The problems of a proposed table: every group and every scored criterion exactly once, maxima from 0
 * to 100, `fullAt` above 0 and at most 1, and a group's criteria adding up to at most its maximum.
 */
export function scoringProblems(table: ScoringTableDefinition): ScoringProblem[] {
  const problems: ScoringProblem[] = [];
  const groupIds = table.groups.map((group) => group.id);
  const criterionIds = table.criteria.map((criterion) => criterion.id);
  const scored = CRITERIA.filter((criterion) => criterion.scored).map((criterion) => criterion.id);
  for (const id of GROUP_IDS) {
    if (groupIds.filter((candidate) => candidate === id).length !== 1) {
      problems.push({ field: 'groups', problem: `groups must list group ${id} exactly once` });
    }
  }
  for (const id of scored) {
    if (criterionIds.filter((candidate) => candidate === id).length !== 1) {
      problems.push({ field: 'criteria', problem: `criteria must list criterion ${id} exactly once` });
    }
  }
  table.groups.forEach((group, index) => {
    if (!(GROUP_IDS as readonly string[]).includes(group.id)) {
      problems.push({
        field: `groups[${index}].id`,
        problem: `groups[${index}].id must be one of ${GROUP_IDS.join(', ')}`,
      });
    }
    if (!(group.max >= 0 && group.max <= 100)) {
      problems.push({ field: `groups[${index}].max`, problem: `groups[${index}].max must be from 0 to 100` });
    }
  });
  table.criteria.forEach((criterion, index) => {
    if (!scored.includes(criterion.id)) {
      problems.push({
        field: `criteria[${index}].id`,
        problem: `criteria[${index}].id must be one of ${scored.join(', ')}`,
      });
    }
    if (!(criterion.max >= 0 && criterion.max <= 100)) {
      problems.push({
        field: `criteria[${index}].max`,
        problem: `criteria[${index}].max must be from 0 to 100`,
      });
    }
    if (!(criterion.fullAt > 0 && criterion.fullAt <= 1)) {
      problems.push({
        field: `criteria[${index}].fullAt`,
        problem: `criteria[${index}].fullAt must be above 0 and at most 1`,
      });
    }
  });
  const total = table.groups.reduce((sum, group) => sum + group.max, 0);
  if (total > 100)
    problems.push({ field: 'groups', problem: `the groups' maxima add up to ${total}, more than 100` });
  table.groups.forEach((group, index) => {
    const ofGroup = table.criteria.filter(
      (criterion) => CRITERIA.find((known) => known.id === criterion.id)?.group === group.id,
    );
    const sum = Math.round(ofGroup.reduce((total, criterion) => total + criterion.max, 0) * 100) / 100;
    if (sum > group.max) {
      problems.push({
        field: `groups[${index}].max`,
        problem: `the maxima of group ${group.id}'s criteria add up to ${sum}, more than groups[${index}].max (${group.max})`,
      });
    }
  });
  return problems;
}

/**
 * The version that scores a period: the one in force on its last day (the latest `effectiveFrom` on
 * or before `to`); for a period before every version, the first.
 */
export function versionFor<T extends { effectiveFrom: string; version: number }>(
  versions: readonly T[],
  to: string,
): T | undefined {
  const sorted = [...versions].sort(
    (a, b) =>
      (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0) ||
      a.version - b.version,
  );
  return sorted.filter((version) => version.effectiveFrom <= to).at(-1) ?? sorted[0];
}
