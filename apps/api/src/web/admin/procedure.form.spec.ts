import { describe, expect, it } from 'vitest';

import { UpdateProcedureRequest } from '../../catalogue/admin-procedures.dto';
import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { checkProcedureForm, procedureValues } from './procedure.form';

const PROCEDURE = {
  code: '1.000001',
  nameVi: 'Cấp giấy phép',
  nameEn: 'Licence',
  field: 'Trade',
  agencyCode: 'SO-CT',
  processingHours: 24,
  onlineLevel: 'full',
  feeVnd: 50000,
  feeDue: 'at_submission',
  supplementPolicy: 'pause',
  requiredDocuments: [
    { name: 'Đơn', mandatory: true, acceptedTypes: ['application/pdf'], maxSizeBytes: 1000 },
  ],
  formSchema: [{ name: 'fullName', label: { vi: 'Họ tên', en: 'Name' }, type: 'text', required: true }],
  resultTemplate: null,
  retentionDays: null,
  steps: [
    {
      position: 1,
      nameVi: 'Tiếp nhận',
      nameEn: 'Reception',
      holderRole: 'clerk',
      holderAgencyId: null,
      budgetHours: 8,
    },
    {
      position: 2,
      nameVi: 'Thẩm định thuế',
      nameEn: 'Tax review',
      holderRole: 'supervisor',
      holderAgencyId: '0199a9b2-0000-7000-8000-000000000001',
      budgetHours: 16,
    },
  ],
} as unknown as ProcedureDto;

describe('the procedure form', () => {
  it('reads back what it shows: an unchanged form changes nothing', async () => {
    const { value, problems } = await checkProcedureForm(
      UpdateProcedureRequest,
      procedureValues(PROCEDURE),
      false,
    );
    expect(problems).toEqual([]);
    const { code: _code, agencyCode: _agency, steps, ...editable } = PROCEDURE;
    expect({ ...value }).toMatchObject(editable);
    expect(value.steps).toEqual([
      { nameVi: 'Tiếp nhận', nameEn: 'Reception', holderRole: 'clerk', budgetHours: 8 },
      {
        nameVi: 'Thẩm định thuế',
        nameEn: 'Tax review',
        holderRole: 'supervisor',
        holderAgencyId: steps[1].holderAgencyId,
        budgetHours: 16,
      },
    ]);
  });

  it('leaves the process alone when the post has no step rows (an older page)', async () => {
    const { stepRows: _rows, ...posted } = procedureValues(PROCEDURE);
    const { value } = await checkProcedureForm(UpdateProcedureRequest, posted, false);
    expect(value.steps).toBeUndefined();
  });

  it('names a text area that is not JSON before checking anything else', async () => {
    const posted = { ...procedureValues(PROCEDURE), formSchema: '[{', processingHours: 'soon' };
    const { problems } = await checkProcedureForm(UpdateProcedureRequest, posted, false);
    expect(problems.map((problem) => problem.field)).toEqual(['formSchema']);
    expect(problems[0].problems[0]).toMatch(/^not valid JSON: /);
  });
});
