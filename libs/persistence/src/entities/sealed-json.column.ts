import type { ColumnOptions, ValueTransformer } from 'typeorm';
import { Column } from 'typeorm';

import { sealedText } from './sealed-text.column';

/**
 * A JSON value stored as its text sealed with the national ID keys (see NationalIdCipher), and read
 * back parsed. Text written before encryption (plain JSON) is read as it is.
 */
export const sealedJson: ValueTransformer = {
  to: (value: unknown) =>
    value === null || value === undefined ? value : sealedText.to(JSON.stringify(value)),
  from: (value: string | null) => (value === null ? null : JSON.parse(sealedText.from(value))),
};

/**
 * A JSON column of personal data, encrypted at rest: a `text` column whose stored value says nothing
 * of its content. Never query it by value or by JSON path.
 */
export function SealedJsonColumn(options: Pick<ColumnOptions, 'name' | 'nullable'>): PropertyDecorator {
  return Column({ ...options, type: 'text', transformer: sealedJson });
}
