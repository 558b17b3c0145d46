import type { EntityManager } from 'typeorm';

/** A column of a bulk insert and its PostgreSQL type (for the arrays the rows travel in). */
export interface BulkColumn {
  readonly name: string;
  readonly pgType: 'varchar' | 'text' | 'integer' | 'bigint' | 'boolean';
}

export interface BulkInsert {
  readonly table: string;
  readonly columns: readonly BulkColumn[];
  /** One array of values per row, in the order of `columns`. */
  readonly rows: readonly (readonly unknown[])[];
  /** What follows `ON CONFLICT`, e.g. `(id) DO NOTHING`. */
  readonly onConflict?: string;
}

// SQLite's limit on bound values in one statement (32,766 since SQLite 3.32), with room to spare.
const SQLITE_MAX_VALUES = 32_000;

/**
 * Inserts many rows in few statements. PostgreSQL receives one array per column (`unnest`), so a
 * statement has as many parameters as columns whatever the number of rows; SQLite receives multi-row
 * `VALUES` lists. Callers order rows consistently when `onConflict` updates existing rows.
 */
export async function bulkInsert(manager: EntityManager, insert: BulkInsert): Promise<void> {
  if (insert.rows.length === 0) return;
  const names = insert.columns.map((column) => column.name).join(', ');
  const conflict = insert.onConflict ? ` ON CONFLICT ${insert.onConflict}` : '';
  if (manager.connection.options.type === 'postgres') {
    const arrays = insert.columns.map((_, index) => insert.rows.map((row) => row[index]));
    const unnest = insert.columns.map((column, index) => `$${index + 1}::${column.pgType}[]`).join(', ');
    await manager.query(
      `INSERT INTO ${insert.table} (${names}) SELECT * FROM unnest(${unnest})${conflict}`,
      arrays,
    );
    return;
  }
  const width = insert.columns.length;
  const rowsPerStatement = Math.max(1, Math.floor(SQLITE_MAX_VALUES / width));
  const placeholders = `(${new Array<string>(width).fill('?').join(', ')})`;
  for (let start = 0; start < insert.rows.length; start += rowsPerStatement) {
    const chunk = insert.rows.slice(start, start + rowsPerStatement);
    const values = chunk.flatMap((row) =>
      row.map((value) => (typeof value === 'boolean' ? Number(value) : value)),
    );
    await manager.query(
      `INSERT INTO ${insert.table} (${names}) VALUES ${new Array<string>(chunk.length).fill(placeholders).join(', ')}${conflict}`,
      values,
    );
  }
}
