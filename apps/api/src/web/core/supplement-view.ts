import { DEFAULT_UPLOAD_TYPES, MAX_UPLOAD_BYTES } from '@onegate/applications';
import type { ApplicationDto } from '@onegate/applications';
import { supplementItemsOf } from '@onegate/domain';

/** A document the procedure asks for, as far as a supplement's upload needs it. */
export interface SlotDocument {
  name: string;
  mandatory: boolean;
  acceptedTypes: string[];
  maxSizeBytes: number;
}

/** The input of the application form that answers the request's item at `index`. */
export const itemId = (index: number) => `item-${index}`;

/**
 * The last supplement request of a file (docs/lifecycle.md, "Supplements"): its reason and each item,
 * with the upload it takes (a procedure document's own types and limit, otherwise any PDF, JPEG or PNG)
 * and the files kept under it, each with its version (its place among the files of that name, first
 * upload 1). The files sent for the request answer it; the last of them is the answer.
 */
export function supplementRequestOf(application: ApplicationDto, documents: readonly SlotDocument[]) {
  const request = [...(application.events ?? [])]
    .reverse()
    .find((event) => event.type === 'request_supplement');
  if (!request) return null;
  const items = supplementItemsOf(
    request.data,
    documents.map((document) => document.name),
  ).map((item, index) => {
    const files = versionsOf(application, item.name);
    const answers = files.filter((file) => file.supplementRequest === request.sequence);
    return {
      ...item,
      index,
      id: itemId(index),
      document: slotDocument(item, documents),
      answers,
      answer: answers.at(-1) ?? null,
    };
  });
  return {
    at: request.at,
    reason: typeof request.data.reason === 'string' ? request.data.reason : '',
    items,
  };
}

export type SupplementRequestView = NonNullable<ReturnType<typeof supplementRequestOf>>;

/** The item of the request a form part (`item-<index>`) stands for. */
export function itemOfPart(request: SupplementRequestView | null, part: string) {
  const index = /^item-(\d+)$/.exec(part)?.[1];
  return index === undefined ? undefined : request?.items[Number(index)];
}

function slotDocument(
  item: { name: string; procedureDocument: boolean },
  documents: readonly SlotDocument[],
): SlotDocument {
  const own = item.procedureDocument ? documents.find((document) => document.name === item.name) : undefined;
  return (
    own ?? {
      name: item.name,
      mandatory: true,
      acceptedTypes: [...DEFAULT_UPLOAD_TYPES],
      maxSizeBytes: MAX_UPLOAD_BYTES,
    }
  );
}

/** The files kept under one name, oldest first, each with its version. */
function versionsOf(application: ApplicationDto, name: string) {
  return (application.attachments ?? [])
    .filter((file) => file.documentName === name)
    .sort((a, b) => Date.parse(a.uploadedAt) - Date.parse(b.uploadedAt))
    .map((file, index) => ({
      id: file.id,
      originalName: file.originalName,
      uploadedAt: file.uploadedAt,
      version: index + 1,
      supplementRequest: file.supplementRequest,
      href: `/applications/${application.id}/documents/${file.id}`,
    }));
}
