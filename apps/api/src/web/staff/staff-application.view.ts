import type { ApplicationDto } from '@onegate/applications';
import type { Action, Language, Role } from '@onegate/domain';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { applicationFileView, urgencyOf } from '../core/application-view';
import type { FormErrors } from '../core/form-problems';
import { fileHeading } from '../core/file-heading';
import { supplementRequestOf } from '../core/supplement-view';
import { actionForms } from './action-forms';

/** An action form that was refused: shown again with its errors and what was typed. */
export interface FailedAction {
  action: Action;
  errors: FormErrors;
  values: Record<string, string>;
}

/** The actions whose forms the page shows: signing is the clerk's own. */
export function offeredActions(application: ApplicationDto, role: Role): Action[] {
  return application.allowedActions.filter((action) => action !== 'sign' || role === 'clerk');
}

export function staffApplicationView(
  lang: Language,
  application: ApplicationDto,
  procedure: ProcedureDto,
  offered: Action[],
  clerks: { id: string; fullName: string; active: boolean }[],
  failed: FailedAction | null,
  now: Date,
) {
  const heading = fileHeading(lang, application);
  return {
    titleText: `${heading} – ${application.procedureName[lang]}`,
    application: { ...application, ...urgencyOf(application, now.getTime()) },
    ...applicationFileView(application, procedure, lang),
    requiredDocuments: procedure.requiredDocuments.map((document) => document.name),
    supplementRequest: supplementRequestOf(application, procedure.requiredDocuments),
    forms: actionForms(offered, failed, now),
    waitingForFee: application.waitingForFee,
    clerks: clerks
      .filter((clerk) => clerk.active)
      .map((clerk) => ({
        id: clerk.id,
        name: clerk.fullName,
        selected: clerk.id === application.assigneeId,
      })),
    version: application.version,
    breadcrumbs: [{ key: 'nav.queue', href: '/staff/queue' }, { text: heading }],
  };
}
