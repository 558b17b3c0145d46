import type { ColumnOptions, ValueTransformer } from 'typeorm';
import { Column } from 'typeorm';

/**
 * Instants are stored as epoch milliseconds (bigint) so SQLite and PostgreSQL keep exactly the same
 * values with no time-zone conversion by either driver. PostgreSQL returns bigint as a string.
 */
export const epochMillis: ValueTransformer = {
  to: (value: Date | null | undefined) => (value instanceof Date ? value.getTime() : value),
  from: (value: string | number | null) => (value === null ? null : new Date(Number(value))),
};

export function TimestampColumn(options: Pick<ColumnOptions, 'name' | 'nullable'>): PropertyDecorator {
  return Column({ ...options, type: 'bigint', transformer: epochMillis });
}

/** A bigint that always fits a JS number (durations in milliseconds); PostgreSQL returns it as a string. */
export const bigintNumber: ValueTransformer = {
  to: (value: number) => value,
  from: (value: string | number) => Number(value),
};
