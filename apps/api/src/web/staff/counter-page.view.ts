import type { Language } from '@onegate/domain';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { fieldLabels, fieldViews, formFieldOf, parseFormFields } from '../core/form-fields';
import { errorsOf } from '../core/form-outcome';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { translate } from '../core/messages';

const APPLICANT_FIELDS = ['nationalId', 'fullName', 'email', 'phone'] as const;

/** The registration a clerk posted at the desk: the applicant, the form's answers and a note. */
export function counterRegistration(procedure: ProcedureDto, posted: Record<string, string>) {
  return {
    procedureCode: procedure.code,
    applicant: {
      nationalId: (posted.applicantNationalId ?? '').replace(/\s/g, ''),
      fullName: (posted.applicantFullName ?? '').trim(),
      email: (posted.applicantEmail ?? '').trim() || undefined,
      phone: (posted.applicantPhone ?? '').trim() || undefined,
    },
    formData: parseFormFields(procedure.formSchema, posted),
    note: (posted.note ?? '').trim().slice(0, 2000) || undefined,
  };
}

export function counterView(
  lang: Language,
  procedure: ProcedureDto | null,
  procedures: { code: string }[],
  posted: Record<string, string>,
  errors: FormErrors | null,
) {
  return {
    titleKey: 'counter.title',
    procedure,
    procedures: procedures.map((item) => ({ ...item, selected: item.code === procedure?.code })),
    fields: procedure ? fieldViews(procedure.formSchema, posted, errors?.byField ?? {}, lang) : [],
    values: posted,
    errors,
  };
}

/** Answers' problems go to their field, the applicant's (`applicant.x`) to the applicant's inputs. */
export function counterErrors(lang: Language, procedure: ProcedureDto, problems: FieldProblem[]): FormErrors {
  const labels = fieldLabels(procedure.formSchema, lang);
  return errorsOf(
    lang,
    problems,
    (path) => formFieldOf(path) ?? applicantFieldOf(path),
    (id) => labels.get(id) ?? translate(lang, `counter.${id}`),
  );
}

function applicantFieldOf(path: string): string | null {
  const match = /^applicant\.(\w+)$/.exec(path);
  const name = match?.[1] as (typeof APPLICANT_FIELDS)[number] | undefined;
  return name && APPLICANT_FIELDS.includes(name) ? `applicant${name[0].toUpperCase()}${name.slice(1)}` : null;
}
