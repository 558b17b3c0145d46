import type { Agency, Application, JsonObject } from '@onegate/persistence';

/** What every document template can use about the file (docs/documents.md lists it). */
export interface FileContext {
  code: string | null;
  applicant: { fullName: string; nationalId: string; email: string | null };
  procedure: { code: string; nameVi: string; nameEn: string; field: string; feeVnd: string };
  agency: { code: string; nameVi: string; nameEn: string };
  competentAgency: { code: string; nameVi: string; nameEn: string };
  /** The form as submitted, by field name, and as labelled lines in the form's order. */
  form: JsonObject;
  fields: { name: string; label: string; value: string }[];
}

export function fileContext(application: Application, agency: Agency): FileContext {
  const procedure = application.procedure!;
  return {
    code: application.code,
    applicant: {
      fullName: application.applicantName,
      nationalId: application.applicantNationalId,
      email: application.applicantEmail,
    },
    procedure: {
      code: procedure.code,
      nameVi: procedure.nameVi,
      nameEn: procedure.nameEn,
      field: procedure.field,
      feeVnd: new Intl.NumberFormat('vi-VN').format(application.feeVnd),
    },
    agency: agencyContext(agency),
    competentAgency: agencyContext(application.competentAgency!),
    form: application.formData,
    fields: procedure.formSchema
      .filter((field) => application.formData[field.name] !== undefined)
      .map((field) => ({
        name: field.name,
        label: field.label.vi,
        value: displayValue(application.formData[field.name]),
      })),
  };
}

const agencyContext = (agency: Agency) => ({
  code: agency.code,
  nameVi: agency.nameVi,
  nameEn: agency.nameEn,
});

function displayValue(value: unknown): string {
  if (value === true) return 'Có';
  if (value === false) return 'Không';
  if (Array.isArray(value)) return value.map(displayValue).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value ?? '');
}
