import type { MigrationInterface, QueryRunner } from 'typeorm';

import { sealingCipherFromEnvironment } from './1764100070000-sealing-cipher';
import { resizeVarchar } from './resize-varchar';
import { rewritePersonalText, sealText, unsealText } from './sealed-text-rows';

const PLAIN_PHONE_LENGTH = 20;
/** Matches SEALED_NATIONAL_ID_LENGTH of the entities: room for a sealed phone number. */
const SEALED_PHONE_LENGTH = 100;

/**
 * Phone numbers, the bodies of notifications and caught e-mails, and the answers kept for
 * Idempotency-Keys carry personal data (phone numbers, form answers, national ID numbers): they are
 * sealed at rest with the national ID keys, like form answers.
 */
export class SealPersonalText1764200013000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await resizeVarchar(queryRunner, 'users', 'phone', SEALED_PHONE_LENGTH, true);
    const cipher = sealingCipherFromEnvironment();
    await rewritePersonalText(queryRunner, cipher, sealText(cipher));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await rewritePersonalText(queryRunner, sealingCipherFromEnvironment(), unsealText);
    await resizeVarchar(queryRunner, 'users', 'phone', PLAIN_PHONE_LENGTH, true);
  }
}
