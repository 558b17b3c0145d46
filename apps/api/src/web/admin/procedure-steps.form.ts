import { MAX_STEPS } from '@onegate/domain';

import type { ProcedureStepDto } from '../../catalogue/catalogue.dto';

/**
 * The process on the procedure page: one row of inputs per step, named `step-<n>-<part>`, and `stepRows`
 * saying how many rows the page holds (docs/portal.md, "The procedure page"). A post without `stepRows`
 * leaves the process as it is.
 */
export interface StepRow {
  nameVi: string;
  nameEn: string;
  holderRole: string;
  /** Empty: the competent agency. */
  holderAgencyId: string;
  budgetHours: string;
}

const PARTS = ['nameVi', 'nameEn', 'holderRole', 'holderAgencyId', 'budgetHours'] as const;

/** Rows beyond this are ignored: a process never has more than MAX_STEPS steps, and a few spare rows. */
const MOST_ROWS = MAX_STEPS * 2;

export const STEP_ROWS_FIELD = 'stepRows';
export const STEP_COMMAND_FIELD = 'stepCommand';

export const stepFieldName = (position: number, part: keyof StepRow) => `step-${position}-${part}`;

const emptyRow = (): StepRow => ({
  nameVi: '',
  nameEn: '',
  holderRole: 'clerk',
  holderAgencyId: '',
  budgetHours: '',
});

/** True when the post carries the step editor. */
export const stepsPosted = (posted: Record<string, string>) => posted[STEP_ROWS_FIELD] !== undefined;

export function readStepRows(posted: Record<string, string>): StepRow[] {
  const count = Math.min(Number.parseInt(posted[STEP_ROWS_FIELD] ?? '0', 10) || 0, MOST_ROWS);
  return Array.from({ length: Math.max(count, 0) }, (_, index) => {
    const row = emptyRow();
    for (const part of PARTS) row[part] = posted[stepFieldName(index + 1, part)] ?? row[part];
    return row;
  });
}

/** The rows as the form's values (what was typed is shown again as it was). */
export function stepRowValues(rows: readonly StepRow[]): Record<string, string> {
  const values: Record<string, string> = { [STEP_ROWS_FIELD]: String(rows.length) };
  rows.forEach((row, index) => {
    for (const part of PARTS) values[stepFieldName(index + 1, part)] = row[part];
  });
  return values;
}

export function stepRowsOf(steps: readonly ProcedureStepDto[]): StepRow[] {
  return steps.map((step) => ({
    nameVi: step.nameVi,
    nameEn: step.nameEn,
    holderRole: step.holderRole,
    holderAgencyId: step.holderAgencyId ?? '',
    budgetHours: String(step.budgetHours),
  }));
}

/**
 * A row button: `add`, or `remove-<n>`, `up-<n>`, `down-<n>` for row n (from 1). Anything else changes
 * nothing.
 */
export function applyStepCommand(rows: readonly StepRow[], command: string): StepRow[] {
  const next = [...rows];
  if (command === 'add') return next.length < MOST_ROWS ? [...next, emptyRow()] : next;
  const match = /^(remove|up|down)-(\d+)$/.exec(command);
  if (!match) return next;
  const index = Number(match[2]) - 1;
  if (index < 0 || index >= next.length) return next;
  if (match[1] === 'remove') next.splice(index, 1);
  const other = match[1] === 'up' ? index - 1 : index + 1;
  if (match[1] !== 'remove' && other >= 0 && other < next.length) {
    [next[index], next[other]] = [next[other], next[index]];
  }
  return next;
}

/** The rows as the API's `steps`: hours as a number when they are one, the competent agency left out. */
export function stepsRequest(rows: readonly StepRow[]): Record<string, unknown>[] {
  return rows.map((row) => {
    const hours = row.budgetHours.trim();
    return {
      nameVi: row.nameVi,
      nameEn: row.nameEn,
      holderRole: row.holderRole,
      ...(row.holderAgencyId === '' ? {} : { holderAgencyId: row.holderAgencyId }),
      budgetHours: /^-?\d+$/.test(hours) ? Number(hours) : hours,
    };
  });
}

/** The sum of the budgets that are whole numbers, to show against the time limit. */
export function budgetSum(rows: readonly StepRow[]): number {
  return rows.reduce((sum, row) => {
    const hours = row.budgetHours.trim();
    return /^\d+$/.test(hours) ? sum + Number(hours) : sum;
  }, 0);
}
