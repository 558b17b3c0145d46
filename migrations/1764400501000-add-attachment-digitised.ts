import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';

/**
 * A paper document scanned or photographed at the counter when its file was registered is marked
 * digitised ("Bản số hoá tại quầy"); every earlier document was sent online.
 */
export class AddAttachmentDigitised1764400501000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'attachments',
      new TableColumn({
        name: 'digitised',
        type: 'boolean',
        // SQLite keeps a boolean as 0 or 1, and compares defaults written that way.
        default: queryRunner.connection.options.type === 'postgres' ? false : 0,
      }),
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('attachments', 'digitised');
  }
}
