import type { Language } from '@onegate/domain';
import { CRITERIA, GROUP_IDS } from '@onegate/reporting';
import type { ScoringTableDefinition, ScoringTableVersion } from '@onegate/reporting';

import { errorsOf } from '../core/form-outcome';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { translate } from '../core/messages';

const SCORED = CRITERIA.filter((criterion) => criterion.scored);

/** The form's fields: `effectiveFrom`, `group-1-max`, `criterion-2a-max`, `criterion-2a-fullAt` (a %), `…-confirmed`. */
export type ScoringFormValues = Record<string, string>;

/** A version's table as the form's values (the rule as a percentage). */
export function formValuesOf(table: ScoringTableDefinition, effectiveFrom: string): ScoringFormValues {
  const values: ScoringFormValues = { effectiveFrom };
  for (const group of table.groups) {
    values[`group-${group.id}-max`] = String(group.max);
    if (group.confirmed) values[`group-${group.id}-confirmed`] = 'on';
  }
  for (const criterion of table.criteria) {
    values[`criterion-${criterion.id}-max`] = String(criterion.max);
    values[`criterion-${criterion.id}-fullAt`] = String(Math.round(criterion.fullAt * 10_000) / 100);
    if (criterion.confirmed) values[`criterion-${criterion.id}-confirmed`] = 'on';
  }
  return values;
}

/** The posted form as the API's request body: numbers where numbers are expected, the rule from its %. */
export function requestOf(values: ScoringFormValues) {
  const number = (text: string | undefined) =>
    text === undefined || text.trim() === '' ? Number.NaN : Number(text);
  return {
    effectiveFrom: values.effectiveFrom ?? '',
    groups: GROUP_IDS.map((id) => ({
      id,
      max: number(values[`group-${id}-max`]),
      confirmed: values[`group-${id}-confirmed`] === 'on',
    })),
    criteria: SCORED.map(({ id }) => ({
      id,
      max: number(values[`criterion-${id}-max`]),
      fullAt: number(values[`criterion-${id}-fullAt`]) / 100,
      confirmed: values[`criterion-${id}-confirmed`] === 'on',
    })),
  };
}

export function scoringView(
  versions: ScoringTableVersion[],
  values: ScoringFormValues,
  errors: FormErrors | null,
) {
  return {
    titleKey: 'adminScoring.title',
    versions,
    values,
    errors,
    groups: GROUP_IDS.map((id) => ({
      id,
      nameKey: `serviceIndex.group${id}`,
      criteria: SCORED.filter((criterion) => criterion.group === id).map(({ id: criterion }) => ({
        id: criterion,
        nameKey: `serviceIndex.criterion_${criterion}`,
      })),
    })),
  };
}

/**
 * The form field of a problem: `groups.4.max` from the request's validation, `groups[4].max` from
 * the table's rules (docs/decision-766.md), both about `group-5-max`.
 */
export function scoringFieldOf(path: string): string | null {
  if (path === 'effectiveFrom') return 'effectiveFrom';
  const match = /^(groups|criteria)(?:\.|\[)(\d+)\]?\.(max|fullAt|confirmed)$/.exec(path);
  if (!match) return null;
  const index = Number(match[2]);
  const id = match[1] === 'groups' ? GROUP_IDS[index] : SCORED[index]?.id;
  return id ? `${match[1] === 'groups' ? 'group' : 'criterion'}-${id}-${match[3]}` : null;
}

export function scoringErrors(lang: Language, problems: FieldProblem[]): FormErrors {
  return errorsOf(lang, problems, scoringFieldOf, (id) => {
    const [kind, item, part] = id.split('-');
    if (kind === 'effectiveFrom') return translate(lang, 'adminScoring.effectiveFrom');
    const name = kind === 'group' ? `${translate(lang, 'adminScoring.group')} ${item}` : item!;
    return `${name}, ${translate(lang, `adminScoring.${part}`)}`;
  });
}
