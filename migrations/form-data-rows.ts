import type { QueryRunner } from 'typeorm';

import type { SealedTextWriter } from './sealed-text-rows';
import { rewriteSealedText, sealText, unsealText } from './sealed-text-rows';

/** How form answers (their JSON text) are to be stored: sealed with the current key, or in the clear. */
export type FormDataWriter = SealedTextWriter;

/** Seals what is not sealed with the current key yet. */
export const sealFormData: FormDataWriter = sealText;

/** Stores the plain JSON text, as before form answers were encrypted. */
export const unsealFormData: FormDataWriter = unsealText;

/**
 * Rewrites every application's form answers (`applications.form_data`) with `write`, a page of rows at
 * a time (rewriteSealedText). Returns how many rows changed.
 */
export function rewriteFormData(runner: QueryRunner, write: FormDataWriter): Promise<number> {
  return rewriteSealedText(runner, { table: 'applications', column: 'form_data' }, write);
}
