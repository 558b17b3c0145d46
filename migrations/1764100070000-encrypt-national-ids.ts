import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn, TableIndex } from 'typeorm';

import { sealingCipherFromEnvironment } from './1764100070000-sealing-cipher';
import { varcharColumn } from './columns';
import { rewriteNationalIds, sealWithCurrentKey } from './national-id-rows';
import { resizeVarchar } from './resize-varchar';

const PLAIN_LENGTH = 12;
/** Matches SEALED_NATIONAL_ID_LENGTH of the entities. */
const SEALED_LENGTH = 100;

/**
 * National ID numbers are encrypted at rest with the configured keys (NATIONAL_ID_KEYS), and account
 * lookups and uniqueness move to a keyed hash of the number (NATIONAL_ID_HASH_KEY).
 */
export class EncryptNationalIds1764100070000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await resizeVarchar(queryRunner, 'users', 'national_id', SEALED_LENGTH, true);
    await resizeVarchar(queryRunner, 'applications', 'applicant_national_id', SEALED_LENGTH, false);
    await queryRunner.addColumn('users', new TableColumn(varcharColumn('national_id_hash', 64, true)));
    const cipher = sealingCipherFromEnvironment();
    await rewriteNationalIds(queryRunner, cipher, sealWithCurrentKey(cipher));
    await queryRunner.dropIndex('users', 'IDX_users_national_id');
    await queryRunner.createIndex('users', uniqueIndex('IDX_users_national_id_hash', 'national_id_hash'));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await rewriteNationalIds(queryRunner, sealingCipherFromEnvironment(), (plain) => plain, false);
    await queryRunner.dropIndex('users', 'IDX_users_national_id_hash');
    await queryRunner.dropColumn('users', 'national_id_hash');
    await resizeVarchar(queryRunner, 'users', 'national_id', PLAIN_LENGTH, true);
    await resizeVarchar(queryRunner, 'applications', 'applicant_national_id', PLAIN_LENGTH, false);
    await queryRunner.createIndex('users', uniqueIndex('IDX_users_national_id', 'national_id'));
  }
}

const uniqueIndex = (name: string, column: string) =>
  new TableIndex({ name, columnNames: [column], isUnique: true });
