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
