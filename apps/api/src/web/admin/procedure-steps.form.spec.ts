import { describe, expect, it } from 'vitest';

import type { StepRow } from './procedure-steps.form';
import {
  applyStepCommand,
  budgetSum,
  readStepRows,
  stepRowValues,
  stepsRequest,
} from './procedure-steps.form';

const row = (name: string, budgetHours: string, holderAgencyId = ''): StepRow => ({
  nameVi: name,
  nameEn: `${name} (en)`,
  holderRole: 'clerk',
  holderAgencyId,
  budgetHours,
});
const A = row('A', '8');
const B = row('B', '16', 'agency-b');
const C = row('C', 'soon');
const names = (rows: StepRow[]) => rows.map((item) => item.nameVi);

describe('the step editor rows', () => {
  it('reads back the rows it writes, in order', () => {
    expect(readStepRows(stepRowValues([A, B, C]))).toEqual([A, B, C]);
    expect(readStepRows({})).toEqual([]);
  });

  it('adds an empty clerk row at the end, removes and moves the row named, and ignores the rest', () => {
    expect(applyStepCommand([A], 'add')).toEqual([
      A,
      { nameVi: '', nameEn: '', holderRole: 'clerk', holderAgencyId: '', budgetHours: '' },
    ]);
    expect(names(applyStepCommand([A, B, C], 'remove-2'))).toEqual(['A', 'C']);
    expect(names(applyStepCommand([A, B, C], 'up-3'))).toEqual(['A', 'C', 'B']);
    expect(names(applyStepCommand([A, B, C], 'down-1'))).toEqual(['B', 'A', 'C']);
    expect(names(applyStepCommand([A, B, C], 'up-1'))).toEqual(['A', 'B', 'C']);
    expect(names(applyStepCommand([A, B, C], 'down-3'))).toEqual(['A', 'B', 'C']);
    expect(names(applyStepCommand([A, B, C], 'remove-9'))).toEqual(['A', 'B', 'C']);
    expect(names(applyStepCommand([A, B, C], 'explode'))).toEqual(['A', 'B', 'C']);
  });

  it('sends hours as numbers when they are, the competent agency left out, and sums the whole hours', () => {
    expect(stepsRequest([A, B, C])).toEqual([
      { nameVi: 'A', nameEn: 'A (en)', holderRole: 'clerk', budgetHours: 8 },
      { nameVi: 'B', nameEn: 'B (en)', holderRole: 'clerk', holderAgencyId: 'agency-b', budgetHours: 16 },
      { nameVi: 'C', nameEn: 'C (en)', holderRole: 'clerk', budgetHours: 'soon' },
    ]);
    expect(budgetSum([A, B, C])).toBe(24);
  });
});
