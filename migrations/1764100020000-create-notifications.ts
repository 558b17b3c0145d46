import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { idColumn, referenceColumn, textColumn, timestampColumn, varcharColumn } from './columns';

export class CreateNotifications1764100020000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'notifications',
        columns: [
          idColumn(),
          referenceColumn('recipient_user_id', true),
          varcharColumn('recipient_email', 255, true),
          varcharColumn('kind', 32),
          referenceColumn('application_id', true),
          varcharColumn('notification_key', 160),
          varcharColumn('language', 2),
          varcharColumn('subject', 500),
          textColumn('text_body'),
          textColumn('html_body'),
          timestampColumn('created_at'),
          timestampColumn('read_at', true),
          varcharColumn('email_status', 16),
          timestampColumn('email_sent_at', true),
          varcharColumn('email_error', 500, true),
        ],
        indices: [
          { name: 'IDX_notifications_key', columnNames: ['notification_key'], isUnique: true },
          { name: 'IDX_notifications_recipient', columnNames: ['recipient_user_id', 'created_at'] },
        ],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notifications');
  }
}
