import type { MigrationInterface, QueryRunner } from 'typeorm';

import { sealingCipherFromEnvironment } from './1764100070000-sealing-cipher';
import { rewriteFormData } from './form-data-rows';
import { sealText, unsealText } from './sealed-text-rows';

/**
 * Applications' form answers carry national ID numbers, addresses and phone numbers, so they are
 * encrypted at rest like the national ID columns, with the same keys (NATIONAL_ID_KEYS): the JSON text
 * is sealed whole. The column is `text` on both databases already; only its values change.
 */
export class EncryptFormData1764100100000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    const cipher = sealingCipherFromEnvironment();
    await rewriteFormData(queryRunner, cipher, sealText(cipher));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await rewriteFormData(queryRunner, sealingCipherFromEnvironment(), unsealText);
  }
}
