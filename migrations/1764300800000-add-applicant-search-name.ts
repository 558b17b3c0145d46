import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn } from 'typeorm';

const PAGE_SIZE = 1000;

/**
 * The applicant's name folded for the staff queue's search (docs/applications.md, "Finding a file in the
 * queue"): lower case, without accents, so "nguyen van an" finds "Nguyễn Văn An". Filled for every file.
 */
export class AddApplicantSearchName1764300800000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn(
      'applications',
      new TableColumn({ name: 'applicant_search_name', type: 'varchar', length: '255', default: "''" }),
    );
    const postgres = queryRunner.connection.options.type === 'postgres';
    const [first, second] = postgres ? ['$1', '$2'] : ['?', '?'];
    let after = '';
    for (;;) {
      const rows: { id: string; applicant_name: string }[] = await queryRunner.query(
        `SELECT id, applicant_name FROM applications WHERE id > ${first} ORDER BY id LIMIT ${PAGE_SIZE}`,
        [after],
      );
      for (const row of rows) {
        await queryRunner.query(
          `UPDATE applications SET applicant_search_name = ${first} WHERE id = ${second}`,
          [foldName(row.applicant_name), row.id],
        );
      }
      if (rows.length < PAGE_SIZE) break;
      after = rows.at(-1)!.id;
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('applications', 'applicant_search_name');
  }
}

// A frozen copy of toSearchText (libs/persistence), as it was when this migration was written.
function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
