import type { TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

/** Column shapes shared by the migrations; each matches the entity decorators of the same name. */
export const idColumn = (name = 'id'): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isPrimary: name === 'id',
});

export const referenceColumn = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: '36',
  isNullable: nullable,
});

export const varcharColumn = (name: string, length: number, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});

export const textColumn = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});

export const integerColumn = (name: string): TableColumnOptions => ({ name, type: 'integer' });

export const timestampColumn = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'bigint',
  isNullable: nullable,
});

/** A reference to an agency, which cannot be deleted while anything points at it. */
export const agencyForeignKey = (column: string): TableForeignKeyOptions => ({
  columnNames: [column],
  referencedTableName: 'agencies',
  referencedColumnNames: ['id'],
  onDelete: 'RESTRICT',
});
