import type { QueryRunner } from 'typeorm';

import type { SealingCipher } from './1764100070000-sealing-cipher';
import type { StoredValues } from './paged-rewrite';
import { rewriteRows } from './paged-rewrite';

/** Where national ID numbers are stored, and the keyed hash kept beside one of them. */
const NATIONAL_ID_COLUMNS = [
  { table: 'users', column: 'national_id', hashColumn: 'national_id_hash' },
  { table: 'applications', column: 'applicant_national_id', hashColumn: null },
] as const;

/** How a number is to be stored: sealed with the current key, or in the clear (to undo encryption). */
export type NationalIdWriter = (plain: string, stored: string) => string;

/** Seals what is not sealed with the current key yet; empty values stay empty. */
export const sealWithCurrentKey =
  (cipher: SealingCipher): NationalIdWriter =>
  (plain, stored) =>
    plain === '' || cipher.isCurrent(stored) ? stored : cipher.seal(plain);

/**
 * Rewrites every stored national ID number with `write`, and recomputes the lookup hashes with the
 * current hash key (or clears them when `withHashes` is false), a page of rows at a time (rewriteRows).
 * Returns how many rows changed.
 */
export async function rewriteNationalIds(
  runner: QueryRunner,
  cipher: SealingCipher,
  write: NationalIdWriter,
  withHashes = true,
): Promise<number> {
  let changed = 0;
  for (const { table, column, hashColumn } of NATIONAL_ID_COLUMNS) {
    const columns = hashColumn ? [column, hashColumn] : [column];
    changed += await rewriteRows(runner, { table, columns }, (row): StoredValues | null => {
      const stored = row[column];
      if (stored === null || stored === undefined) return null;
      const plain = cipher.open(stored);
      const next = write(plain, stored);
      if (!hashColumn) return next === stored ? null : { [column]: next };
      const hash = withHashes && plain !== '' ? cipher.hash(plain) : null;
      return next === stored && hash === (row[hashColumn] ?? null)
        ? null
        : { [column]: next, [hashColumn]: hash };
    });
  }
  return changed;
}
