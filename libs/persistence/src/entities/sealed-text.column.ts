import type { ColumnOptions, ValueTransformer } from 'typeorm';
import { Column } from 'typeorm';

import { decryptPersonalText, encryptPersonalText } from '@onegate/config';

import { SEALED_NATIONAL_ID_LENGTH } from './national-id.column';

/**
 * Personal text stored sealed with the national ID keys (see NationalIdCipher) and read back in the
 * clear. Text written before encryption is read as it is.
 */
export const sealedText: ValueTransformer = {
  to: (value: string | null | undefined) =>
    value === null || value === undefined ? value : encryptPersonalText(value),
  from: (value: string | null) => (value === null ? null : decryptPersonalText(value)),
};

/**
 * A column of personal text (a phone number, an e-mail's body), encrypted at rest: `text`, or a
 * `varchar` with room for the sealed form of a short value. Never query it by value.
 */
export function SealedTextColumn(
  options: Pick<ColumnOptions, 'name' | 'nullable'> & { short?: boolean },
): PropertyDecorator {
  const { short, ...column } = options;
  return Column({
    ...column,
    ...(short ? { type: 'varchar', length: SEALED_NATIONAL_ID_LENGTH } : { type: 'text' }),
    transformer: sealedText,
  });
}
