import type { ApplicationDto } from '@onegate/applications';
import type { Action, Language, Role } from '@onegate/domain';
import type { DocumentReview, DraftedResult } from '@onegate/persistence';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { applicationFileView, urgencyOf } from '../core/application-view';
import type { FormErrors } from '../core/form-problems';
import { fileHeading } from '../core/file-heading';
import { supplementRequestOf } from '../core/supplement-view';
import { actionForms } from './action-forms';
import { checklistOf, previewOf, rejectedOf } from './document-checklist';

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

export function staffApplicationView(
  lang: Language,
  application: ApplicationDto,
  procedure: ProcedureDto,
  offered: Action[],
  clerks: { id: string; fullName: string; active: boolean }[],
  failed: FailedAction | null,
  now: Date,
  work: FileWork,
) {
  const heading = fileHeading(lang, application);
  const checklist = checklistOf(application, procedure.requiredDocuments, work.reviews, work.preview);
  return {
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
    draftedResult: draftedResultOf(application, work),
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
