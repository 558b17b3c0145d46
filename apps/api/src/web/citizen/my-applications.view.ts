import type { ApplicationDto } from '@onegate/applications';
import { ACTION_TABLE } from '@onegate/domain';
import type { Language } from '@onegate/domain';
import type { User } from '@onegate/persistence';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { applicationFileView } from '../core/application-view';
import { fileHeading } from '../core/file-heading';
import { errorsOf } from '../core/form-outcome';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { translate } from '../core/messages';
import { paginationOf } from '../core/pagination';
import { supplementRequestOf } from '../core/supplement-view';

/** Profile answers a new draft starts with, when the form asks for them as text. */
const PREFILLED = ['fullName', 'nationalId', 'phone', 'email'] as const;
const PREFILLED_TYPES: readonly string[] = ['text', 'nationalId', 'phone', 'email'];

export function prefilledAnswers(procedure: ProcedureDto, account: User): Record<string, unknown> {
  const profile: Record<string, string | null> = {
    fullName: account.fullName,
    nationalId: account.nationalId,
    phone: account.phone ? account.phone.replace(/^\+84/, '0') : null,
    email: account.email,
  };
  const formData: Record<string, unknown> = {};
  for (const name of PREFILLED) {
    const field = procedure.formSchema.find((candidate) => candidate.name === name);
    if (field && profile[name] && PREFILLED_TYPES.includes(field.type)) formData[name] = profile[name];
  }
  return formData;
}

export function myApplicationsView(
  result: { items: unknown[]; total: number },
  page: number,
  pageSize: number,
) {
  return {
    titleKey: 'myApplications.title',
    applications: result.items,
    pagination: paginationOf('/my/applications', page, result.total, pageSize),
  };
}

export function myApplicationView(application: ApplicationDto, procedure: ProcedureDto, lang: Language) {
  const heading = fileHeading(lang, application);
  return {
    titleText: `${heading} – ${application.procedureName[lang]}`,
    application,
    ...applicationFileView(application, procedure, lang),
    supplementRequest:
      application.state === 'supplement_requested'
        ? supplementRequestOf(application, procedure.requiredDocuments)
        : null,
    canEdit: application.state === 'draft' || application.state === 'supplement_requested',
    canPay: payableOnline(application),
    canWithdraw: application.allowedActions.includes('withdraw'),
    canRate: application.state === 'returned',
    scores: [5, 4, 3, 2, 1],
    resultHref:
      application.signed && ['decided', 'returned'].includes(application.state)
        ? `/api/applications/${application.id}/result`
        : null,
    breadcrumbs: [{ key: 'nav.myApplications', href: '/my/applications' }, { text: heading }],
  };
}

/** Whether the citizen may pay the fee online now: one is due and the file still takes a payment. */
function payableOnline(application: ApplicationDto): boolean {
  return application.feeVnd > 0 && !application.paid && ACTION_TABLE.pay.from.includes(application.state);
}

/** The payment button's error summary: why a payment could not start. */
export function payErrors(lang: Language, problems: FieldProblem[]): { payErrors: FormErrors } {
  const errors = errorsOf(
    lang,
    problems,
    () => 'pay',
    () => translate(lang, 'pay.title'),
  );
  return { payErrors: errors };
}

export function ratingErrors(lang: Language, problems: FieldProblem[]): { ratingErrors: FormErrors } {
  const errors = errorsOf(
    lang,
    problems,
    () => 'score-1',
    () => translate(lang, 'rating.score'),
  );
  return { ratingErrors: errors };
}
