import type { MigrationInterface, QueryRunner } from 'typeorm';
import { Table } from 'typeorm';

import { idColumn, referenceColumn, textColumn, timestampColumn, varcharColumn } from './columns';

const APPEND_ONLY_MESSAGE = 'audit_events is append-only';

/**
 * The audit log. Triggers refuse every UPDATE and DELETE on both databases, whatever role the
 * application connects with, so no code path (and no SQL typed by hand) can rewrite history.
 */
export class CreateAuditEvents1764100005000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_events',
        columns: [
          idColumn(),
          timestampColumn('at'),
          varcharColumn('type', 48),
          referenceColumn('actor_id', true),
          referenceColumn('subject_id', true),
          varcharColumn('ip', 64, true),
          textColumn('details'),
        ],
        indices: [
          { name: 'IDX_audit_events_at', columnNames: ['at'] },
          { name: 'IDX_audit_events_type', columnNames: ['type'] },
          { name: 'IDX_audit_events_subject', columnNames: ['subject_id'] },
        ],
      }),
    );
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query(`CREATE FUNCTION audit_events_append_only() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION '${APPEND_ONLY_MESSAGE}'; END $$ LANGUAGE plpgsql`);
      await queryRunner.query(`CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE OR TRUNCATE
        ON audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
    } else {
      for (const operation of ['UPDATE', 'DELETE']) {
        await queryRunner.query(`CREATE TRIGGER audit_events_no_${operation.toLowerCase()} BEFORE ${operation}
          ON audit_events BEGIN SELECT RAISE(ABORT, '${APPEND_ONLY_MESSAGE}'); END`);
      }
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Dropping the table drops its triggers on both databases.
    await queryRunner.dropTable('audit_events');
    if (queryRunner.connection.options.type === 'postgres') {
      await queryRunner.query('DROP FUNCTION audit_events_append_only()');
    }
  }
}
