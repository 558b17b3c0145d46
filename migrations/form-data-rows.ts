import type { QueryRunner } from 'typeorm';

import { decryptPersonalText, encryptPersonalText, nationalIdCipher } from '@onegate/config';

import { rewriteRows } from './paged-rewrite';

/** How form answers (their JSON text) are to be stored: sealed with the current key, or in the clear. */
export type FormDataWriter = (json: string, stored: string) => string;

/** Seals what is not sealed with the current key yet. */
export const sealFormData: FormDataWriter = (json, stored) =>
  nationalIdCipher().isCurrent(stored) ? stored : encryptPersonalText(json);

/** Stores the plain JSON text, as before form answers were encrypted. */
export const unsealFormData: FormDataWriter = (json) => json;

/** Form answers may be up to 64 KB each: smaller pages than the national ID numbers' keep memory low. */
const PAGE_SIZE = 200;

/**
 * Rewrites every application's form answers (`applications.form_data`) with `write`, a page of rows at
 * a time (rewriteRows). Returns how many rows changed.
 */
export function rewriteFormData(runner: QueryRunner, write: FormDataWriter): Promise<number> {
  return rewriteRows(
    runner,
    { table: 'applications', columns: ['form_data'], pageSize: PAGE_SIZE },
    (row) => {
      const stored = row.form_data;
      if (stored === null || stored === undefined) return null;
      const next = write(decryptPersonalText(stored), stored);
      return next === stored ? null : { form_data: next };
    },
  );
}
