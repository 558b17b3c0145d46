import { MAX_UPLOAD_BYTES, storeDocumentFits, typeWords, wholeMegabytes } from '@onegate/applications';
import type { ApplicationDto, StoreDocument } from '@onegate/applications';
import type { Language } from '@onegate/domain';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { documentsOf } from '../core/application-view';
import { fileHeading } from '../core/file-heading';
import { fieldLabels, fieldViews, formFieldOf } from '../core/form-fields';
import { errorsOf } from '../core/form-outcome';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { translate } from '../core/messages';
import { supplementRequestOf } from '../core/supplement-view';
import type { SlotDocument, SupplementRequestView } from '../core/supplement-view';

const EDITABLE: readonly string[] = ['draft', 'supplement_requested'];

/** A citizen edits a file only while it is a draft or a supplement is asked for. */
export const isEditable = (application: ApplicationDto) => EDITABLE.includes(application.state);

export const documentId = (index: number) => `document-${index}`;

/** The store's document a form part (`reuse-<index>`) gives for the document of that index. */
export function reusedOfPart<T>(documents: readonly T[], part: string): T | undefined {
  const index = /^reuse-(\d+)$/.exec(part)?.[1];
  return index === undefined ? undefined : documents[Number(index)];
}

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
  store: readonly StoreDocument[] = [],
) {
  const documents = documentsOf(application.id, application.attachments, procedure.requiredDocuments).map(
    (document) => {
      const required = procedure.requiredDocuments[document.index]!;
      const slot = { ...required, maxSizeBytes: Math.min(required.maxSizeBytes, MAX_UPLOAD_BYTES) };
      return {
        ...document,
        ...uploadChecks(lang, required),
        error: errors?.byField[document.id] ?? null,
        reuseId: `reuse-${document.index}`,
        // Documents of the citizen's store that may answer it (docs/documents.md, "Reuse").
        reuseChoices: store
          .filter((stored) => storeDocumentFits(stored, slot))
          .map((stored) => ({
            id: stored.id,
            name: stored.name,
            code: stored.code,
            at: stored.at.toISOString(),
          })),
      };
    },
  );
  const supplement = application.state === 'supplement_requested';
  const supplementRequest = supplement ? supplementRequestOf(application, procedure.requiredDocuments) : null;
  const requestedItems = (supplementRequest?.items ?? []).map((item) => ({
    ...item,
    ...uploadChecks(lang, item.document),
    accept: item.document.acceptedTypes.join(','),
    error: errors?.byField[item.id] ?? null,
  }));
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
    supplementRequest,
    requestedItems,
    draftRetentionDays,
    pageScripts: [
      { src: '/assets/onegate/js/upload-checks.mjs', module: true },
      { src: '/assets/onegate/js/autosave.mjs', module: true },
    ],
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
function uploadChecks(lang: Language, document: SlotDocument) {
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

/**
 * Answers' problems go to their field, a document's (`attachments.<name>`) to its upload: while a
 * supplement is asked for, to the upload of the request's item of that name.
 */
export function applicationFormErrors(
  lang: Language,
  procedure: ProcedureDto,
  problems: FieldProblem[],
  supplementRequest: SupplementRequestView | null,
): FormErrors {
  const items = supplementRequest?.items ?? [];
  const documentIds = new Map([
    ...procedure.requiredDocuments.map((document, index) => [document.name, documentId(index)] as const),
    ...items.map((item) => [item.name, item.id] as const),
  ]);
  const labels = new Map<string, string>([
    ...fieldLabels(procedure.formSchema, lang),
    ...procedure.requiredDocuments.map((document, index) => [documentId(index), document.name] as const),
    ...items.map((item) => [item.id, item.name] as const),
  ]);
  const fieldOf = (path: string) =>
    formFieldOf(path) ?? (path.startsWith('attachments.') ? (documentIds.get(path.slice(12)) ?? null) : null);
  const labelOf = (id: string) => labels.get(id) ?? translate(lang, 'applicationForm.documents');
  return errorsOf(lang, problems, fieldOf, labelOf);
}
