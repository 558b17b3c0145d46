import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import {
  idColumn,
  integerColumn,
  referenceColumn,
  textColumn,
  timestampColumn,
  varcharColumn,
} from './columns';

/** Webhook subscriptions, their deliveries and each delivery's attempts (docs/webhooks.md). */
export class CreateWebhooks1764501100000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'webhook_subscriptions',
        columns: [
          idColumn(),
          varcharColumn('url', 2048),
          varcharColumn('description', 200, true),
          textColumn('event_types'),
          textColumn('agency_ids'),
          { name: 'personal_data', type: 'boolean' },
          { name: 'ordered', type: 'boolean' },
          textColumn('secret'),
          textColumn('previous_secret', true),
          timestampColumn('previous_secret_until', true),
          referenceColumn('owner_id'),
          timestampColumn('failing_since', true),
          timestampColumn('disabled_at', true),
          varcharColumn('disabled_reason', 32, true),
          timestampColumn('created_at'),
          timestampColumn('updated_at'),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'webhook_deliveries',
        columns: [
          idColumn(),
          referenceColumn('subscription_id'),
          varcharColumn('event_key', 80),
          varcharColumn('event_type', 40),
          referenceColumn('application_id', true),
          { name: 'sequence', type: 'integer', isNullable: true },
          textColumn('payload'),
          varcharColumn('state', 16),
          integerColumn('attempts'),
          timestampColumn('next_attempt_at', true),
          { name: 'last_status', type: 'integer', isNullable: true },
          varcharColumn('last_error', 200, true),
          timestampColumn('created_at'),
          timestampColumn('retry_from'),
          timestampColumn('delivered_at', true),
        ],
        indices: [
          {
            name: 'IDX_webhook_deliveries_event',
            columnNames: ['subscription_id', 'event_key'],
            isUnique: true,
          },
          { name: 'IDX_webhook_deliveries_history', columnNames: ['subscription_id', 'created_at'] },
          {
            name: 'IDX_webhook_deliveries_file',
            columnNames: ['subscription_id', 'application_id', 'sequence'],
          },
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'webhook_attempts',
        columns: [
          idColumn(),
          referenceColumn('delivery_id'),
          integerColumn('attempt'),
          timestampColumn('at'),
          integerColumn('duration_ms'),
          { name: 'status', type: 'integer', isNullable: true },
          varcharColumn('error', 200, true),
        ],
        indices: [{ name: 'IDX_webhook_attempts_delivery', columnNames: ['delivery_id', 'attempt'] }],
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('webhook_attempts');
    await queryRunner.dropTable('webhook_deliveries');
    await queryRunner.dropTable('webhook_subscriptions');
  }
}
