import { BadRequestException } from '@nestjs/common';
import { fileTypeFromFile } from 'file-type';

import { invalidFields } from './application-errors';
import { typeWords, wholeMegabytes } from './document-types';

/** Largest file any procedure may accept; each required document sets its own, smaller, limit. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const DEFAULT_UPLOAD_TYPES = ['application/pdf', 'image/jpeg', 'image/png'];

/**
 * The checks every uploaded file passes (docs/applications.md, "Upload problems"): not empty, within
 * its limit, and of an accepted type as its bytes say (sniffed), never as its name or header says.
 * Gives the sniffed media type.
 */
export async function checkedUpload(
  upload: { path: string; sizeBytes: number; documentName?: string },
  rules: { accepted: readonly string[]; limit: number; field: string },
): Promise<string> {
  const { accepted, limit, field } = rules;
  if (upload.sizeBytes === 0) throw invalidFields([{ field, problems: ['is empty'] }]);
  if (upload.sizeBytes > limit)
    throw fileRefused(upload.documentName, field, `is larger than ${wholeMegabytes(limit)} MB`);
  const sniffed = await fileTypeFromFile(upload.path);
  if (!sniffed || !accepted.includes(sniffed.mime)) {
    const content = sniffed ? `of another kind (${sniffed.ext.toUpperCase()})` : 'of another kind';
    // The message is for people; the field's problem keeps the exact media types for programs.
    throw fileRefused(
      upload.documentName,
      field,
      `must be a ${typeWords(accepted)} file; its content is ${content}`,
      `must be one of ${accepted.join(', ')}; its content is ${sniffed?.mime ?? 'unknown'}`,
    );
  }
  return sniffed.mime;
}

/** A refused file, the document it was for named in the message meant for people. */
function fileRefused(
  documentName: string | undefined,
  field: string,
  problem: string,
  detail: string = problem,
): BadRequestException {
  const file = documentName ? `The file for "${documentName}"` : 'The file';
  return new BadRequestException({
    message: `${file} ${problem}`,
    details: [{ field, problems: [detail] }],
  });
}
