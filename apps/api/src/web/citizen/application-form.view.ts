import { MAX_UPLOAD_BYTES, typeWords, wholeMegabytes } from '@onegate/applications';
import type { ApplicationDto } from '@onegate/applications';
import type { Language } from '@onegate/domain';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { documentsOf, lastSupplementRequest } from '../core/application-view';
import { fileHeading } from '../core/file-heading';
import { fieldLabels, fieldViews, formFieldOf } from '../core/form-fields';
import { errorsOf } from '../core/form-outcome';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { translate } from '../core/messages';

const EDITABLE: readonly string[] = ['draft', 'supplement_requested'];

/** A citizen edits a file only while it is a draft or a supplement is asked for. */
export const isEditable = (application: ApplicationDto) => EDITABLE.includes(application.state);

export const documentId = (index: number) => `document-${index}`;

/** The document a form part (`document-<index>`) stands for. */
export function documentOfPart<T>(documents: readonly T[], part: string): T | undefined {
  const index = /^document-(\d+)$/.exec(part)?.[1];
  return index === undefined ? undefined : documents[Number(index)];
}

export function applicationFormView(
  lang: Language,
  application: ApplicationDto,
  procedure: ProcedureDto,
  values: Record<string, unknown>,
  errors: FormErrors | null,
  draftRetentionDays: number,
) {
  const documents = documentsOf(application.id, application.attachments, procedure.requiredDocuments).map(
    (document) => ({
      ...document,
      ...uploadChecks(lang, procedure.requiredDocuments[document.index]!),
      error: errors?.byField[document.id] ?? null,
    }),
  );
  const supplement = application.state === 'supplement_requested';
  const title = translate(lang, supplement ? 'applicationForm.supplementTitle' : 'applicationForm.title');
  return {
    titleText: `${title} – ${application.procedureName[lang]}`,
    application,
    procedure,
    fields: fieldViews(procedure.formSchema, values, errors?.byField ?? {}, lang),
    documents,
    errors,
    supplement,
    // A fee due at submission must be paid first: the page says so instead of offering to submit.
    payFirst: application.waitingForFee.includes('submit'),
    supplementRequest: supplement ? lastSupplementRequest(application.events) : null,
    draftRetentionDays,
    pageScripts: [{ src: '/assets/onegate/js/upload-checks.mjs', module: true }],
    breadcrumbs: [
      { key: 'nav.myApplications', href: '/my/applications' },
      {
        text: fileHeading(lang, application),
        href: `/my/applications/${application.id}`,
      },
    ],
  };
}

/** What the browser checks before sending a document's file, and the server's words for its problems. */
function uploadChecks(lang: Language, document: ProcedureDto['requiredDocuments'][number]) {
  const maxBytes = Math.min(document.maxSizeBytes, MAX_UPLOAD_BYTES);
  const types = typeWords(document.acceptedTypes, lang);
  return {
    types,
    maxBytes,
    maxMb: wholeMegabytes(maxBytes),
    tooLargeText: translate(lang, 'uploads.tooLarge', { value: wholeMegabytes(maxBytes) }),
    wrongTypeText: translate(lang, 'uploads.fileType', { types }),
  };
}

/** Answers' problems go to their field, a document's (`attachments.<name>`) to its upload. */
export function applicationFormErrors(
  lang: Language,
  procedure: ProcedureDto,
  problems: FieldProblem[],
): FormErrors {
  const documentIds = new Map(
    procedure.requiredDocuments.map((document, index) => [document.name, documentId(index)]),
  );
  const labels = new Map<string, string>([
    ...fieldLabels(procedure.formSchema, lang),
    ...procedure.requiredDocuments.map((document, index) => [documentId(index), document.name] as const),
  ]);
  const fieldOf = (path: string) =>
    formFieldOf(path) ?? (path.startsWith('attachments.') ? (documentIds.get(path.slice(12)) ?? null) : null);
  const labelOf = (id: string) => labels.get(id) ?? translate(lang, 'applicationForm.documents');
  return errorsOf(lang, problems, fieldOf, labelOf);
}
