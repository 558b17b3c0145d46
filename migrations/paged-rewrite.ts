import type { QueryRunner } from 'typeorm';

// Frozen with the data migrations that use it, like every file here (docs/architecture.md, "Data");
// key rotation has its own copy, free to change, in libs/persistence/src/key-rotation/paged-rewrite.ts.

/** Some text columns of one row, by column name; `id` is the row's primary key. */
export type StoredValues = Readonly<Record<string, string | null>>;

/** The new values of a row's columns, or null to leave the row as it is. */
export type RowRewrite = (row: StoredValues) => StoredValues | null;

export interface RewrittenColumns {
  readonly table: string;
  /** Read, handed to the rewrite, and written back. */
  readonly columns: readonly string[];
  /** Rows read, and written, per transaction. */
  readonly pageSize?: number;
}

const PAGE_SIZE = 1000;

interface Change {
  id: string;
  before: StoredValues;
  after: StoredValues;
}

/**
 * Rewrites text columns of every row of a table, a page of rows at a time in primary key order, each
 * page in one transaction unless the caller's is open. A row changed by someone else since its page was
 * read is left as they wrote it, so this can run while OneGate serves. Returns how many rows it rewrote.
 */
export async function rewriteRows(
  runner: QueryRunner,
  { table, columns, pageSize = PAGE_SIZE }: RewrittenColumns,
  rewrite: RowRewrite,
): Promise<number> {
  const postgres = runner.connection.options.type === 'postgres';
  let changed = 0;
  let after = '';
  for (;;) {
    const rows: StoredValues[] = await runner.query(
      `SELECT id, ${columns.join(', ')} FROM ${table} WHERE id > ${postgres ? '$1' : '?'} ORDER BY id LIMIT ${pageSize}`,
      [after],
    );
    const changes = rows.flatMap((row): Change[] => {
      const next = rewrite(row);
      return next ? [{ id: row.id!, before: row, after: next }] : [];
    });
    if (changes.length > 0) {
      await inTransaction(runner, () => update(runner, table, columns, changes, postgres));
    }
    changed += changes.length;
    if (rows.length < pageSize) break;
    after = rows[rows.length - 1].id!;
  }
  return changed;
}

async function update(
  runner: QueryRunner,
  table: string,
  columns: readonly string[],
  changes: Change[],
  postgres: boolean,
): Promise<void> {
  if (postgres) {
    // One statement per page: a round trip per row made a large table take hours.
    const set = columns.map((column) => `${column} = v.new_${column}`).join(', ');
    const unchanged = columns.map((column) => `${table}.${column} IS NOT DISTINCT FROM v.old_${column}`);
    const names = columns.flatMap((column) => [`new_${column}`, `old_${column}`]);
    const parameters = columns.flatMap((column) => [
      changes.map((change) => change.after[column] ?? null),
      changes.map((change) => change.before[column] ?? null),
    ]);
    await runner.query(
      `UPDATE ${table} SET ${set}
       FROM unnest($1::varchar[], ${names.map((_, index) => `$${index + 2}::text[]`).join(', ')})
         AS v(id, ${names.join(', ')})
       WHERE ${[`${table}.id = v.id`, ...unchanged].join(' AND ')}`,
      [changes.map((change) => change.id), ...parameters],
    );
    return;
  }
  const set = columns.map((column) => `${column} = ?`).join(', ');
  const unchanged = columns.map((column) => `${column} IS ?`).join(' AND ');
  for (const { id, before, after } of changes) {
    await runner.query(`UPDATE ${table} SET ${set} WHERE id = ? AND ${unchanged}`, [
      ...columns.map((column) => after[column] ?? null),
      id,
      ...columns.map((column) => before[column] ?? null),
    ]);
  }
}

async function inTransaction(runner: QueryRunner, work: () => Promise<void>): Promise<void> {
  if (runner.isTransactionActive) return work();
  await runner.startTransaction();
  try {
    await work();
    await runner.commitTransaction();
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  }
}
