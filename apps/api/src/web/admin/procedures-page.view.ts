import type { Language } from '@onegate/domain';
import {
  DEFAULT_FEE_DUE,
  DEFAULT_RETENTION_DAYS,
  FEE_DUE_MOMENTS,
  NOTIFICATION_KINDS,
} from '@onegate/domain';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { agencyChoices, choices } from '../core/choices';
import { errorsOf } from '../core/form-outcome';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { translateProblem } from '../core/form-problems';
import { translate } from '../core/messages';
import { readStepRows } from './procedure-steps.form';
import { stepEditorView } from './procedure-steps.view';
import { PROCEDURE_FORM_FIELDS } from './procedure.form';

type Agencies = readonly { id: string; code: string; nameVi: string; nameEn: string }[];

/** What a new procedure's form starts with. */
export function newProcedureValues(): Record<string, string> {
  return {
    requiredDocuments: '[]',
    formSchema: '[]',
    onlineLevel: 'full',
    supplementPolicy: 'pause',
    feeVnd: '0',
    feeDue: DEFAULT_FEE_DUE,
    retentionDays: String(DEFAULT_RETENTION_DAYS),
  };
}

export function procedureListView(q: string, procedures: unknown[], lang: Language) {
  return {
    titleKey: 'adminProcedures.title',
    q,
    procedures,
    previews: NOTIFICATION_KINDS.map((kind) => ({ kind, href: `/admin/mail/preview/${kind}?lang=${lang}` })),
  };
}

export function procedureFormView(
  lang: Language,
  procedure: ProcedureDto | null,
  values: Record<string, string>,
  errors: FormErrors | null,
  agencies: Agencies,
) {
  const name = procedure ? (lang === 'vi' ? procedure.nameVi : procedure.nameEn) : null;
  return {
    titleText: procedure ? `${procedure.code} – ${name}` : translate(lang, 'adminProcedures.new'),
    procedure,
    values,
    errors,
    agencies: agencyChoices(agencies, lang, values.agencyCode),
    onlineLevels: choices(['full', 'partial', 'offline'], values.onlineLevel),
    policies: choices(['pause', 'restart'], values.supplementPolicy),
    feeDueMoments: choices(FEE_DUE_MOMENTS, values.feeDue),
    process: stepEditorView(lang, readStepRows(values), agencies, values.processingHours ?? ''),
    breadcrumbs: [
      { key: 'nav.adminProcedures', href: '/admin/procedures' },
      { text: procedure?.code ?? translate(lang, 'adminProcedures.new') },
    ],
  };
}

/** Where a nested problem is: the JSON path, or the step's row and input (`steps.1.budgetHours`). */
function nestedPlace(lang: Language, head: string, rest: string[]): string {
  if (head !== 'steps' || !/^\d+$/.test(rest[0])) return rest.join('.');
  const row = translate(lang, 'adminProcedures.stepRow', { position: Number(rest[0]) + 1 });
  return rest[1] ? `${row}, ${translate(lang, `adminProcedures.step.${rest[1]}`)}` : row;
}

/**
 * Nested problems (`formSchema.2.name`) are shown on their text area, with the path that is wrong; a
 * step's problems above the step editor, naming its row.
 */
export function procedureErrors(lang: Language, problems: FieldProblem[]): FormErrors {
  const nested = problems.map((problem) => {
    const [head, ...rest] = problem.field.split('.');
    if (rest.length === 0) return problem;
    const place = nestedPlace(lang, head, rest);
    return {
      field: head,
      problems: problem.problems.map((text) => `${place}: ${translateProblem(lang, text)}`),
    };
  });
  const fields: string[] = [...PROCEDURE_FORM_FIELDS, 'steps'];
  return errorsOf(
    lang,
    nested,
    (field) => (fields.includes(field) ? field : null),
    (id) => translate(lang, `adminProcedures.${id}`),
  );
}
