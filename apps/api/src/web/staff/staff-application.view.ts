import type { ApplicationDto } from '@onegate/applications';
import type { Action, Language, Role } from '@onegate/domain';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { applicationFileView, urgencyOf } from '../core/application-view';
import type { AgencyNames } from '../core/process-view';
import { processView } from '../core/process-view';
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

/** What the process panel needs besides the file: agency names, the holder's and the next unit's people. */
export interface ProcessPeople {
  agencies: AgencyNames;
  holderName: string | null;
  nextUnit: { id: string; fullName: string }[];
}

export function staffApplicationView(
  lang: Language,
  application: ApplicationDto,
  procedure: ProcedureDto,
  offered: Action[],
  clerks: { id: string; fullName: string; active: boolean }[],
  failed: FailedAction | null,
  now: Date,
  people: ProcessPeople,
) {
  const heading = fileHeading(lang, application);
  const position = application.step?.position ?? 0;
  return {
    process: processView(lang, procedure, people.agencies, application, people.holderName),
    nextUnit: people.nextUnit.map((person) => ({
      id: person.id,
      name: person.fullName,
      selected: failed?.action === 'forward' && failed.values.assigneeId === person.id,
    })),
    earlierSteps: procedure.steps
      .filter((step) => step.position < position)
      .map((step) => ({
        position: step.position,
        name: lang === 'vi' ? step.nameVi : step.nameEn,
        selected: failed?.action === 'send_back' && failed.values.step === String(step.position),
      })),
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
