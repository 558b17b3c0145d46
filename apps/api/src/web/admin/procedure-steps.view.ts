import type { Language } from '@onegate/domain';
import { MAX_STEPS, STEP_HOLDER_ROLES } from '@onegate/domain';

import { choices } from '../core/choices';
import type { StepRow } from './procedure-steps.form';
import { budgetSum, STEP_COMMAND_FIELD, STEP_ROWS_FIELD, stepFieldName } from './procedure-steps.form';

interface HoldingAgency {
  id: string;
  code: string;
  nameVi: string;
  nameEn: string;
}

/** The step editor of the procedure page: its rows, and the budgets' sum against the time limit. */
export function stepEditorView(
  lang: Language,
  rows: readonly StepRow[],
  agencies: readonly HoldingAgency[],
  processingHours: string,
) {
  const limit = /^\d+$/.test(processingHours.trim()) ? Number(processingHours.trim()) : null;
  const sum = budgetSum(rows);
  return {
    rowsField: STEP_ROWS_FIELD,
    commandField: STEP_COMMAND_FIELD,
    count: rows.length,
    canAdd: rows.length < MAX_STEPS,
    sum,
    limit,
    addsUp: rows.length === 0 || sum === limit,
    rows: rows.map((row, index) => {
      const position = index + 1;
      return {
        position,
        field: Object.fromEntries(
          (Object.keys(row) as (keyof StepRow)[]).map((part) => [part, stepFieldName(position, part)]),
        ),
        row,
        roles: choices(STEP_HOLDER_ROLES, row.holderRole),
        agencies: agencies.map((agency) => ({
          id: agency.id,
          code: agency.code,
          name: lang === 'vi' ? agency.nameVi : agency.nameEn,
          selected: agency.id === row.holderAgencyId,
        })),
        first: index === 0,
        last: index === rows.length - 1,
      };
    }),
  };
}
