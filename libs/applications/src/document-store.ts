import type { Attachment, DocumentReview, StoredFilesOfApplicant } from '@onegate/persistence';
import { hasStoredCopy, MESSAGE_FILES_PREFIX, resultFileName } from '@onegate/persistence';

/** One document of the citizen's store (docs/documents.md, "The citizen's document store"). */
export interface StoreDocument {
  /** The attachment's id, or the signed result's. */
  id: string;
  kind: 'document' | 'result';
  /** The name it was sent under, or the result's file name. */
  name: string;
  /** The procedure's document it was accepted as; for a result, `result` or `decision_letter`. */
  documentType: string;
  mediaType: string;
  sizeBytes: number;
  /** When it was sent, or signed. */
  at: Date;
  applicationId: string;
  /** The receipt code of the file it came from. */
  code: string | null;
  procedureCode: string;
  procedureName: { vi: string; en: string };
  storageKey: string;
}

/**
 * The documents of a citizen's files they may take again: each signed result returned to them online,
 * and each document a clerk accepted or whose file was approved, newest first. Of a document's versions
 * the one that counts is, in an approved file, the latest; otherwise the latest sent at or before the
 * clerk's last decision on it, when that decision accepts it.
 */
export function storeDocumentsOf(files: StoredFilesOfApplicant): StoreDocument[] {
  const byId = new Map(files.applications.map((application) => [application.id, application]));
  const documents: StoreDocument[] = [];
  const fileOf = (applicationId: string) => {
    const application = byId.get(applicationId)!;
    return {
      applicationId,
      code: application.code,
      procedureCode: application.procedure!.code,
      procedureName: { vi: application.procedure!.nameVi, en: application.procedure!.nameEn },
    };
  };
  for (const result of files.results) {
    if (!files.returnedOnline.has(result.applicationId) || !byId.has(result.applicationId)) continue;
    documents.push({
      id: result.id,
      kind: 'result',
      name: resultFileName(result),
      documentType: result.kind,
      mediaType: 'application/pdf',
      sizeBytes: result.sizeBytes,
      at: result.signedAt,
      storageKey: result.storageKey,
      ...fileOf(result.applicationId),
    });
  }
  for (const file of acceptedVersions(files)) {
    documents.push({
      id: file.id,
      kind: 'document',
      name: file.originalName,
      documentType: file.documentName!,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      at: file.uploadedAt,
      storageKey: file.storageKey,
      ...fileOf(file.applicationId),
    });
  }
  return documents.sort((a, b) => b.at.getTime() - a.at.getTime() || a.id.localeCompare(b.id));
}

/** A person's document: named, with its bytes kept, neither a form OneGate issued nor a file of a message. */
const isPersonalDocument = (file: Attachment) =>
  file.documentName !== null &&
  hasStoredCopy(file) &&
  file.origin !== 'issued' &&
  !file.documentName.startsWith('form:') &&
  !file.documentName.startsWith(MESSAGE_FILES_PREFIX);

function acceptedVersions(files: StoredFilesOfApplicant): Attachment[] {
  const approved = new Set(
    files.applications.filter((file) => file.outcome === 'approved').map((file) => file.id),
  );
  const lastReview = new Map<string, DocumentReview>();
  for (const review of files.reviews)
    lastReview.set(`${review.applicationId}\n${review.documentName}`, review);
  const versions = new Map<string, Attachment[]>();
  for (const file of files.attachments.filter(isPersonalDocument)) {
    const key = `${file.applicationId}\n${file.documentName}`;
    versions.set(key, [...(versions.get(key) ?? []), file]);
  }
  const accepted: Attachment[] = [];
  for (const [key, list] of versions) {
    const ordered = list.sort((a, b) => a.uploadedAt.getTime() - b.uploadedAt.getTime());
    const review = lastReview.get(key);
    const counted = approved.has(ordered[0]!.applicationId)
      ? ordered.at(-1)
      : review?.decision === 'accepted'
        ? ordered.filter((file) => file.uploadedAt.getTime() <= review.reviewedAt.getTime()).at(-1)
        : undefined;
    if (counted) accepted.push(counted);
  }
  return accepted;
}

/**
 * Whether a stored document may answer a required document: one accepted under the same name, or a
 * signed result of an approval (a PDF; a decision letter answers nothing); either of a type and size the
 * required document takes.
 */
export function storeDocumentFits(
  document: StoreDocument,
  slot: { name: string; acceptedTypes: readonly string[]; maxSizeBytes: number },
): boolean {
  const named =
    document.kind === 'result' ? document.documentType === 'result' : document.documentType === slot.name;
  return named && slot.acceptedTypes.includes(document.mediaType) && document.sizeBytes <= slot.maxSizeBytes;
}
