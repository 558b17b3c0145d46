import type { ApplicationDto } from '@onegate/applications';
import type { Action, Language, Role } from '@onegate/domain';
import type { DocumentReview, DraftedResult } from '@onegate/persistence';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { applicationFileView, urgencyOf } from '../core/application-view';
import type { AgencyNames } from '../core/process-view';
import { processView } from '../core/process-view';
import type { FormErrors } from '../core/form-problems';
import { fileHeading } from '../core/file-heading';
import { supplementRequestOf } from '../core/supplement-view';
import { actionForms } from './action-forms';
import { checklistOf, previewOf, rejectedOf } from './document-checklist';
import { returnedDocumentsOf } from './returned-documents.view';

/** An action form that was refused: shown again with its errors and what was typed. */
export interface FailedAction {
  action: Action;
  errors: FormErrors;
  values: Record<string, string>;
}

/** What the page shows besides the file itself: the clerks' reviews, the own result, the previewed document. */
export interface FileWork {
  reviews: readonly DocumentReview[];
  draft: DraftedResult | null;
  preview: string | null;
  mayUploadResult: boolean;
}

/**
 * The actions whose forms the page shows. Signing is the clerk's own, on paper; a file decided online is
 * signed digitally by OneGate (docs/documents.md), so the paper signature is not offered there.
 */
export function offeredActions(application: ApplicationDto, role: Role): Action[] {
  const decision = (application.events ?? [])
    .filter((event) => event.type === 'approve' || event.type === 'deny')
    .at(-1);
  const signedByOneGate = decision?.channel === 'online';
  return application.allowedActions.filter(
    (action) => action !== 'sign' || (role === 'clerk' && !signedByOneGate),
  );
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
  work: FileWork,
) {
  const heading = fileHeading(lang, application);
  const position = application.step?.position ?? 0;
  const checklist = checklistOf(application, procedure.requiredDocuments, work.reviews, work.preview);
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
    checklist,
    mayReview: ['received', 'in_progress', 'supplement_requested'].includes(application.state),
    preview: previewOf(application, work.preview),
    // The PDF viewer's script comes only with a PDF to show (docs/portal.md, "The file page").
    pageScripts: previewOf(application, work.preview)?.pdf
      ? [{ src: '/assets/onegate/js/pdf-preview.mjs', module: true }]
      : [],
    rejected: rejectedOf(checklist),
    returnedDocuments: returnedDocumentsOf(lang, application, people.agencies, work.preview),
    draftedResult: draftedResultOf(application, work),
    signedResultHref: signedResultHrefOf(application),
    requiredDocuments: procedure.requiredDocuments.map((document) => document.name),
    supplementRequest: supplementRequestOf(application, procedure.requiredDocuments),
    // The last step has no next one to forward to (a forward there is refused): its form is not offered.
    forms: actionForms(
      offered.filter((action) => action !== 'forward' || position < procedure.steps.length),
      failed,
      now,
      { returnsDocuments: application.restricted },
    ),
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

/**
 * The result OneGate signed digitally, for the staff to open and check (docs/documents.md, "The clerk's
 * own result"); a file signed on paper has none, and a transferred file's restricted view offers none.
 */
function signedResultHrefOf(application: ApplicationDto): string | null {
  const digital = (application.events ?? []).some(
    (event) => event.type === 'sign' && event.channel === 'online',
  );
  return digital && !application.restricted ? `/api/applications/${application.id}/result` : null;
}

/** The agency's own result: what was uploaded, and whether one may still be (until the file is signed). */
function draftedResultOf(application: ApplicationDto, work: FileWork) {
  const open = ['received', 'in_progress', 'supplement_requested', 'decided'].includes(application.state);
  return {
    draft: work.draft && {
      name: work.draft.originalName,
      sizeBytes: work.draft.sizeBytes,
      uploadedAt: work.draft.uploadedAt.toISOString(),
      href: `/staff/applications/${application.id}/result/draft`,
    },
    mayUpload: work.mayUploadResult && open && !application.signed,
  };
}
