import type { MigrationInterface, QueryRunner } from 'typeorm';

import { rewriteFormData, sealFormData, unsealFormData } from './form-data-rows';

/**
 * Applications' form answers carry national ID numbers, addresses and phone numbers, so they are
 * encrypted at rest like the national ID columns, with the same keys (NATIONAL_ID_KEYS): the JSON text
 * is sealed whole. The column is `text` on both databases already; only its values change.
 */
export class EncryptFormData1764100100000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await rewriteFormData(queryRunner, sealFormData);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await rewriteFormData(queryRunner, unsealFormData);
  }
}
