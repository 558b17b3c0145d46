import type { ColumnOptions, ValueTransformer } from 'typeorm';
import { Column } from 'typeorm';

import { decryptNationalId, encryptNationalId, isSealedNationalId } from '@onegate/config';

/** Room for `v1:<key id>:<base64 of IV, 12 digits and tag>` with a key id of up to 32 characters. */
export const SEALED_NATIONAL_ID_LENGTH = 100;

/**
 * National ID numbers are stored encrypted (see NationalIdCipher) and read back in the clear. Empty
 * values stay empty; a value that is already sealed is written as it is.
 */
export const sealedNationalId: ValueTransformer = {
  to: (value: string | null | undefined) =>
    typeof value === 'string' && value !== '' && !isSealedNationalId(value)
      ? encryptNationalId(value)
      : value,
  from: (value: string | null) => (value === null ? null : decryptNationalId(value)),
};

/** A national ID number column, encrypted at rest. Never query it by value: use its keyed hash. */
export function NationalIdColumn(options: Pick<ColumnOptions, 'name' | 'nullable'>): PropertyDecorator {
  return Column({
    ...options,
    type: 'varchar',
    length: SEALED_NATIONAL_ID_LENGTH,
    transformer: sealedNationalId,
  });
}
