import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table, TableColumn, TableIndex } from 'typeorm';

import {
  idColumn,
  integerColumn,
  referenceColumn,
  textColumn,
  timestampColumn,
  varcharColumn,
} from './columns';

/** Sealed like users.phone (SEALED_NATIONAL_ID_LENGTH). */
const SEALED_SHORT = 100;

/**
 * Text messages (SMS and Zalo ZNS) beside e-mail (docs/text-messages.md): each account's chosen
 * channels and when its phone number was verified; one row per notification and channel, sent once;
 * the one-time codes that verify a phone number, hashed.
 */
export class CreateTextMessages1764501500000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('users', [
      new TableColumn({ name: 'phone_verified_at', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'notice_channels', type: 'varchar', length: '32', default: "'email'" }),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'text_messages',
        columns: [
          idColumn(),
          referenceColumn('notification_id'),
          varcharColumn('channel', 8),
          varcharColumn('status', 16),
          varcharColumn('phone', SEALED_SHORT),
          varcharColumn('phone_hash', 64),
          textColumn('body'),
          varcharColumn('language', 2),
          integerColumn('attempts'),
          timestampColumn('not_before'),
          timestampColumn('claimed_at', true),
          timestampColumn('sent_at', true),
          varcharColumn('error', 500, true),
          timestampColumn('created_at'),
        ],
        indices: [
          new TableIndex({
            name: 'IDX_text_messages_notification_channel',
            columnNames: ['notification_id', 'channel'],
            isUnique: true,
          }),
          new TableIndex({ name: 'IDX_text_messages_phone', columnNames: ['phone_hash', 'claimed_at'] }),
          new TableIndex({ name: 'IDX_text_messages_due', columnNames: ['status', 'not_before'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'phone_verification_codes',
        columns: [
          idColumn(),
          referenceColumn('user_id'),
          varcharColumn('phone_hash', 64),
          varcharColumn('code_hash', 64),
          integerColumn('attempts'),
          timestampColumn('expires_at'),
          timestampColumn('confirmed_at', true),
          timestampColumn('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'IDX_phone_codes_user', columnNames: ['user_id', 'created_at'] }),
          new TableIndex({ name: 'IDX_phone_codes_phone', columnNames: ['phone_hash', 'created_at'] }),
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('phone_verification_codes');
    await queryRunner.dropTable('text_messages');
    await queryRunner.dropColumn('users', 'notice_channels');
    await queryRunner.dropColumn('users', 'phone_verified_at');
  }
}
