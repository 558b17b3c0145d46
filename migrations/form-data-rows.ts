import type { QueryRunner } from 'typeorm';

import type { SealingCipher } from './1764100070000-sealing-cipher';
import type { SealedTextWriter } from './sealed-text-rows';
import { rewriteSealedText } from './sealed-text-rows';

/**
 * Rewrites every application's form answers (`applications.form_data`, their JSON text) with `write`, a
 * page of rows at a time (rewriteSealedText). Returns how many rows changed.
 */
export function rewriteFormData(
  runner: QueryRunner,
  cipher: SealingCipher,
  write: SealedTextWriter,
): Promise<number> {
  return rewriteSealedText(runner, cipher, { table: 'applications', column: 'form_data' }, write);
}
