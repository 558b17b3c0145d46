import type { QueryRunner } from 'typeorm';

import { decryptPersonalText, nationalIdCipher } from '@onegate/config';

import type { StoredValues } from './paged-rewrite';
import { rewriteRows } from './paged-rewrite';
import type { SealedColumn } from './sealed-columns';
import { FORM_ANSWER_COLUMNS, NATIONAL_ID_COLUMNS, PERSONAL_TEXT_COLUMNS } from './sealed-columns';

/**
 * The new values of one row: its value sealed with the current first key unless it already is, and its
 * lookup hash recomputed with the current hash key. Null when nothing changes.
 */
function resealed(
  { column, hashColumn, emptyStaysPlain }: SealedColumn,
  row: StoredValues,
): StoredValues | null {
  const stored = row[column];
  if (stored === null || stored === undefined) return null;
  const cipher = nationalIdCipher();
  const plain = decryptPersonalText(stored);
  const keep = cipher.isCurrent(stored) || (emptyStaysPlain === true && plain === '');
  const next = keep ? stored : cipher.encrypt(plain);
  if (!hashColumn) return next === stored ? null : { [column]: next };
  const hash = plain === '' ? null : cipher.hash(plain);
  return next === stored && hash === (row[hashColumn] ?? null)
    ? null
    : { [column]: next, [hashColumn]: hash };
}

async function reseal(runner: QueryRunner, columns: readonly SealedColumn[]): Promise<number> {
  let changed = 0;
  for (const sealed of columns) {
    const { table, column, hashColumn, pageSize } = sealed;
    const read = hashColumn ? [column, hashColumn] : [column];
    changed += await rewriteRows(runner, { table, columns: read, pageSize }, (row) => resealed(sealed, row));
  }
  return changed;
}

/** Re-encrypts national ID numbers and recomputes their lookup hashes. Returns how many rows changed. */
export const resealNationalIds = (runner: QueryRunner) => reseal(runner, NATIONAL_ID_COLUMNS);

/** Re-encrypts applications' form answers. Returns how many rows changed. */
export const resealFormAnswers = (runner: QueryRunner) => reseal(runner, FORM_ANSWER_COLUMNS);

/** Re-encrypts phone numbers, message bodies and kept answers. Returns how many values changed. */
export const resealPersonalText = (runner: QueryRunner) => reseal(runner, PERSONAL_TEXT_COLUMNS);
