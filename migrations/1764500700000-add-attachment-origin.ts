import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';

import { referenceColumn, varcharColumn } from './columns';

/**
 * Every document records how it came (docs/documents.md, "Where a document came from"): `uploaded`
 * online, `scanned` at the counter (what the `digitised` flag said), `reused` from the citizen's own
 * store, with its source, or `issued` by OneGate (the forms). Existing rows are filled in from what is
 * known of them, and the flag gives way to the origin.
 */
export class AddAttachmentOrigin1764500700000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    const yes = queryRunner.connection.options.type === 'postgres' ? 'true' : '1';
    await queryRunner.addColumns('attachments', [
      new TableColumn({ ...varcharColumn('origin', 16), default: "'uploaded'" }),
      new TableColumn(referenceColumn('source_application_id', true)),
      new TableColumn(referenceColumn('source_document_id', true)),
      new TableColumn(varcharColumn('source_code', 48, true)),
    ]);
    await queryRunner.query(`UPDATE attachments SET origin = 'scanned' WHERE digitised = ${yes}`);
    await queryRunner.query(`UPDATE attachments SET origin = 'issued' WHERE document_name LIKE 'form:%'`);
    await queryRunner.dropColumn('attachments', 'digitised');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    const postgres = queryRunner.connection.options.type === 'postgres';
    await queryRunner.addColumn(
      'attachments',
      new TableColumn({ name: 'digitised', type: 'boolean', default: postgres ? false : 0 }),
    );
    await queryRunner.query(
      `UPDATE attachments SET digitised = ${postgres ? 'true' : '1'} WHERE origin = 'scanned'`,
    );
    for (const column of ['source_code', 'source_document_id', 'source_application_id', 'origin'])
      await queryRunner.dropColumn('attachments', column);
  }
}
