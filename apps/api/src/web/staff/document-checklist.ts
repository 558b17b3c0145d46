import type { ApplicationDto } from '@onegate/applications';
import { supplementItemsOf } from '@onegate/domain';
import type { DocumentReview } from '@onegate/persistence';

export type ChecklistStatus = 'missing' | 'present' | 'accepted' | 'rejected';

/** Media types the file page previews in place: PDFs through the viewer, images as they are. */
export const PREVIEWED = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/**
 * The file's checklist (docs/documents.md, "The file's checklist"): each document the procedure asks
 * for, then each item a supplement request named in the clerk's own words, with its versions and the
 * clerk's last decision. A decision stands for the versions it saw: a version sent after it is "new
 * since the last review" and puts the document back to "present".
 */
export function checklistOf(
  application: ApplicationDto,
  required: readonly { name: string; mandatory: boolean }[],
  reviews: readonly DocumentReview[],
  preview: string | null,
) {
  const requests = (application.events ?? []).filter((event) => event.type === 'request_supplement');
  const requestedAt = new Map(requests.map((event) => [event.sequence, event.at]));
  const names = required.map((document) => document.name);
  const ownItems = requests
    .flatMap((event) => supplementItemsOf(event.data, names))
    .filter((item) => !item.procedureDocument)
    .map((item) => ({ name: item.name, mandatory: true, ownItem: true }));
  const documents = [...required.map((document) => ({ ...document, ownItem: false })), ...ownItems];
  const unique = documents.filter(
    (document, index) => documents.findIndex((other) => other.name === document.name) === index,
  );
  return unique.map((document, index) => {
    const review = reviews.filter((entry) => entry.documentName === document.name).at(-1) ?? null;
    const reviewedAt = review?.reviewedAt.getTime() ?? null;
    const versions = (application.attachments ?? [])
      .filter((file) => file.documentName === document.name)
      .sort((a, b) => Date.parse(a.uploadedAt) - Date.parse(b.uploadedAt))
      .map((file, order) => ({
        id: file.id,
        version: order + 1,
        originalName: file.originalName,
        uploadedAt: file.uploadedAt,
        sizeBytes: file.sizeBytes,
        digitised: file.origin === 'scanned',
        reusedFrom: file.origin === 'reused' ? (file.source?.code ?? '') : null,
        // A document imported without its bytes has nothing to open or preview (docs/documents.md).
        href: file.stored ? `/applications/${application.id}/documents/${file.id}` : null,
        previewHref:
          file.stored && PREVIEWED.has(file.mediaType)
            ? `/staff/applications/${application.id}?preview=${file.id}#preview`
            : null,
        previewed: file.id === preview,
        supplementOf:
          file.supplementRequest === null ? null : (requestedAt.get(file.supplementRequest) ?? null),
        newSinceReview: reviewedAt !== null && Date.parse(file.uploadedAt) > reviewedAt,
      }));
    return {
      id: `check-${index}`,
      name: document.name,
      mandatory: document.mandatory,
      ownItem: document.ownItem,
      versions: versions.reverse(),
      status: statusOf(
        versions.length,
        review,
        versions.some((version) => version.newSinceReview),
      ),
      review: review && {
        decision: review.decision,
        note: review.note,
        at: review.reviewedAt.toISOString(),
      },
    };
  });
}

function statusOf(files: number, review: DocumentReview | null, newSinceReview: boolean): ChecklistStatus {
  if (files === 0) return 'missing';
  if (!review || newSinceReview) return 'present';
  return review.decision;
}

/** The document the page previews (`?preview=<id>`): one of the file's own, PDF or image. */
export function previewOf(application: ApplicationDto, preview: string | null) {
  const file = (application.attachments ?? []).find((candidate) => candidate.id === preview);
  if (!file || !file.stored || !PREVIEWED.has(file.mediaType)) return null;
  const href = `/applications/${application.id}/documents/${file.id}`;
  return { name: file.originalName, href, pdf: file.mediaType === 'application/pdf' };
}

/** What the supplement request form starts with: the rejected documents ticked, rejected own items as text. */
export function rejectedOf(checklist: ReturnType<typeof checklistOf>) {
  const rejected = checklist.filter((item) => item.status === 'rejected');
  return {
    documents: rejected.filter((item) => !item.ownItem).map((item) => item.name),
    other: rejected
      .filter((item) => item.ownItem)
      .map((item) => item.name)
      .join('\n'),
  };
}
