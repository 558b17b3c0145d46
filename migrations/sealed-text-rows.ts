import type { QueryRunner } from 'typeorm';

import type { SealingCipher } from './1764100070000-sealing-cipher';
import { rewriteRows } from './paged-rewrite';

/** How personal text is to be stored: sealed with the current key, or in the clear. */
export type SealedTextWriter = (plain: string, stored: string) => string;

/** Seals what is not sealed with the current key yet. */
export const sealText =
  (cipher: SealingCipher): SealedTextWriter =>
  (plain, stored) =>
    cipher.isCurrent(stored) ? stored : cipher.seal(plain);

/** Stores the plain text, as before it was encrypted. */
export const unsealText: SealedTextWriter = (plain) => plain;

export interface SealedTextColumn {
  readonly table: string;
  readonly column: string;
}

/**
 * Personal text sealed with the national ID keys besides form answers: phone numbers, the bodies of
 * notifications and of caught e-mails (they repeat the form answers), and the answers kept for
 * Idempotency-Keys (they repeat whole applications).
 */
const PERSONAL_TEXT_COLUMNS: readonly SealedTextColumn[] = [
  { table: 'users', column: 'phone' },
  { table: 'notifications', column: 'text_body' },
  { table: 'notifications', column: 'html_body' },
  { table: 'mail_sink_messages', column: 'text_body' },
  { table: 'mail_sink_messages', column: 'html_body' },
  { table: 'idempotency_records', column: 'response_body' },
];

/** Bodies may be tens of KB each: small pages keep memory low. */
const PAGE_SIZE = 200;

/**
 * Rewrites one column's values with `write`, a page of rows at a time (rewriteRows); null values stay
 * null. Returns how many rows changed.
 */
export function rewriteSealedText(
  runner: QueryRunner,
  cipher: SealingCipher,
  { table, column }: SealedTextColumn,
  write: SealedTextWriter,
): Promise<number> {
  return rewriteRows(runner, { table, columns: [column], pageSize: PAGE_SIZE }, (row) => {
    const stored = row[column];
    if (stored === null || stored === undefined) return null;
    const next = write(cipher.open(stored), stored);
    return next === stored ? null : { [column]: next };
  });
}

/** Rewrites every column of PERSONAL_TEXT_COLUMNS with `write`. Returns how many values changed. */
export async function rewritePersonalText(
  runner: QueryRunner,
  cipher: SealingCipher,
  write: SealedTextWriter,
): Promise<number> {
  let changed = 0;
  for (const column of PERSONAL_TEXT_COLUMNS) {
    changed += await rewriteSealedText(runner, cipher, column, write);
  }
  return changed;
}
