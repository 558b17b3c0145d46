import type { Attachment, AttachmentOrigin } from '@onegate/persistence';
import { NO_STORED_COPY, NOT_REUSED } from '@onegate/persistence';
import { timeOrderedId } from '@onegate/platform';

import { ImportLineError } from './import-line-checks';

/** A document of an imported file, as metadata: its bytes are not imported (docs/documents.md). */
export interface ImportDocument {
  name: string;
  origin: Exclude<AttachmentOrigin, 'issued'>;
  /** For a reused document: the receipt code of the file it was taken from. */
  sourceCode: string | null;
}

/** The events on which a file's documents arrive: its submission and its counter registration. */
const DOCUMENT_EVENTS: readonly string[] = ['submit', 'register_counter'];
const ORIGINS = ['uploaded', 'scanned', 'reused'] as const;
const MAX_DOCUMENTS = 100;

const fail = (message: string): never => {
  throw new ImportLineError(message);
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown, field: string, maxLength: number): string {
  if (typeof value !== 'string' || value.trim() === '') return fail(`${field} must be a non-empty text`);
  if (value.length > maxLength) return fail(`${field} is longer than ${maxLength} characters`);
  return value.trim();
}

/** Reads an event's `documents` (docs/metrics.md, "Historical import"); absent: none. */
export function importDocumentsOf(
  event: Record<string, unknown>,
  type: string,
  path: string,
): ImportDocument[] | undefined {
  const value = event.documents;
  if (value === undefined) return undefined;
  if (!DOCUMENT_EVENTS.includes(type)) return fail(`${path}.documents is not taken by ${type}`);
  if (!Array.isArray(value) || value.length === 0) return fail(`${path}.documents must be a non-empty list`);
  if (value.length > MAX_DOCUMENTS) return fail(`${path}.documents has more than ${MAX_DOCUMENTS} entries`);
  return value.map((item, index) => {
    const field = `${path}.documents[${index}]`;
    if (!isObject(item)) return fail(`${field} must be a JSON object`);
    const origin = item.origin;
    if (typeof origin !== 'string' || !(ORIGINS as readonly string[]).includes(origin))
      return fail(`${field}.origin must be one of ${ORIGINS.join(', ')}`);
    // A document scanned at the counter comes with a counter registration, never an online submission.
    if (origin === 'scanned' && type !== 'register_counter')
      fail(`${field}.origin scanned is only possible on register_counter`);
    if (origin === 'reused' && (item.sourceCode === undefined || item.sourceCode === null))
      fail(`${field}.sourceCode is required for a reused document`);
    if (origin !== 'reused' && item.sourceCode !== undefined)
      fail(`${field}.sourceCode is only for a reused document`);
    return {
      name: text(item.name, `${field}.name`, 255),
      origin: origin as ImportDocument['origin'],
      sourceCode: origin === 'reused' ? text(item.sourceCode, `${field}.sourceCode`, 48) : null,
    };
  });
}

/** The attachment rows of an event's documents: marked as kept without a stored copy. */
export function attachmentRowsOf(
  documents: readonly ImportDocument[],
  applicationId: string,
  at: Date,
): Attachment[] {
  return documents.map((document) => ({
    id: timeOrderedId(),
    applicationId,
    documentName: document.name,
    originalName: document.name,
    mediaType: 'application/octet-stream',
    sizeBytes: 0,
    sha256: '',
    storageKey: NO_STORED_COPY,
    supplementRequest: null,
    origin: document.origin,
    ...NOT_REUSED,
    sourceCode: document.sourceCode,
    uploadedBy: null,
    uploadedAt: at,
  }));
}
