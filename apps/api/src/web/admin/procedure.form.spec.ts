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
} as unknown as ProcedureDto;

describe('the procedure form', () => {
  it('reads back what it shows: an unchanged form changes nothing', async () => {
    const { value, problems } = await checkProcedureForm(
      UpdateProcedureRequest,
      procedureValues(PROCEDURE),
      false,
    );
    expect(problems).toEqual([]);
    const { code: _code, agencyCode: _agency, ...editable } = PROCEDURE;
    expect({ ...value }).toMatchObject(editable);
  });

  it('names a text area that is not JSON before checking anything else', async () => {
    const posted = { ...procedureValues(PROCEDURE), formSchema: '[{', processingHours: 'soon' };
    const { problems } = await checkProcedureForm(UpdateProcedureRequest, posted, false);
    expect(problems.map((problem) => problem.field)).toEqual(['formSchema']);
    expect(problems[0].problems[0]).toMatch(/^not valid JSON: /);
  });
});
