import { bearer } from './accounts';
import type { Tokens } from './accounts';
import { request } from './http';

/**
 * Has an administrator create a Ha Long procedure of 24 working hours whose steps are given, e.g. one held
 * by the tax office (a transfer, docs/applications.md, "Process"); answers the creation's status.
 */
export async function createProcedureWithSteps(
  apiUrl: string,
  admin: Tokens,
  code: string,
  steps: unknown[],
): Promise<number> {
  const created = await request(`${apiUrl}/api/admin/procedures`, {
    method: 'POST',
    headers: bearer(admin),
    body: {
      code,
      nameVi: 'Thủ tục thử nghiệm liên thông',
      nameEn: 'Test procedure with a transfer',
      field: 'Đất đai',
      agencyCode: 'QN-HL',
      processingHours: 24,
      onlineLevel: 'partial',
      feeVnd: 0,
      supplementPolicy: 'pause',
      requiredDocuments: [],
      formSchema: [],
      steps,
    },
  });
  return created.status;
}

/** Three steps: the desk, the tax office (a transfer), the leader who signs; 8 + 8 + 8 = 24 hours. */
export const taxTransferSteps = (taxOfficeId: string) => [
  { nameVi: 'Tiếp nhận hồ sơ', nameEn: 'Reception', holderRole: 'clerk', budgetHours: 8 },
  {
    nameVi: 'Xác định nghĩa vụ tài chính',
    nameEn: 'Tax assessment',
    holderRole: 'clerk',
    holderAgencyId: taxOfficeId,
    budgetHours: 8,
  },
  { nameVi: 'Ký kết quả', nameEn: 'Signature', holderRole: 'supervisor', budgetHours: 8 },
];

/**
 * A Ha Long paper file of a new procedure with `taxTransferSteps`, registered at the desk by the clerk and
 * forwarded to the tax office's step (a transfer); answers its id.
 */
export async function fileAtTaxStep(
  apiUrl: string,
  staff: { admin: Tokens; clerk: Tokens },
  taxOfficeId: string,
  code: string,
  applicant: { nationalId: string; fullName: string },
): Promise<string> {
  const created = await createProcedureWithSteps(apiUrl, staff.admin, code, taxTransferSteps(taxOfficeId));
  if (created !== 201) throw new Error(`procedure ${code} not created: ${created}`);
  const registered = await request<{ id: string }>(`${apiUrl}/api/applications/counter`, {
    method: 'POST',
    headers: bearer(staff.clerk),
    body: { procedureCode: code, applicant, formData: {} },
  });
  if (registered.status !== 201) throw new Error(`file not registered: ${JSON.stringify(registered.body)}`);
  const forwarded = await request(`${apiUrl}/api/applications/${registered.body.id}/actions`, {
    method: 'POST',
    headers: bearer(staff.clerk),
    body: { action: 'forward' },
  });
  if (forwarded.status !== 200) throw new Error(`file not forwarded: ${JSON.stringify(forwarded.body)}`);
  return registered.body.id;
}
