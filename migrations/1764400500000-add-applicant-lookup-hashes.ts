import type { MigrationInterface, QueryRunner } from 'typeorm';
import { TableColumn, TableIndex } from 'typeorm';

import type { SealingCipher } from './1764100070000-sealing-cipher';
import { sealingCipherFromEnvironment } from './1764100070000-sealing-cipher';
import { varcharColumn } from './columns';

const PAGE_SIZE = 500;
/** Matches SEALED_NATIONAL_ID_LENGTH of the entities: room for a sealed phone number. */
const SEALED_PHONE_LENGTH = 100;
const HASH_LENGTH = 64;
const INDEXES = [
  { name: 'IDX_applications_national_id_hash', column: 'applicant_national_id_hash' },
  { name: 'IDX_applications_phone_hash', column: 'applicant_phone_hash' },
];

interface StoredFile {
  id: string;
  applicant_national_id: string | null;
  form_data: string | null;
  form_schema: string | null;
  account_phone: string | null;
}

/**
 * The staff queue finds a file by its applicant's national ID number and phone without decrypting the
 * table (docs/applications.md, "Finding a file in the queue"): each file keeps the keyed hash of its
 * number, and its applicant's phone (the first phone answer of its form, else its account's phone),
 * sealed, with its keyed hash. Filled for every file, a page at a time.
 */
export class AddApplicantLookupHashes1764400500000 implements MigrationInterface {
  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('applications', [
      new TableColumn(varcharColumn('applicant_national_id_hash', HASH_LENGTH, true)),
      new TableColumn(varcharColumn('applicant_phone', SEALED_PHONE_LENGTH, true)),
      new TableColumn(varcharColumn('applicant_phone_hash', HASH_LENGTH, true)),
    ]);
    for (const { name, column } of INDEXES) {
      await queryRunner.createIndex('applications', new TableIndex({ name, columnNames: [column] }));
    }
    await fillEveryFile(queryRunner, sealingCipherFromEnvironment());
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const { name } of INDEXES) await queryRunner.dropIndex('applications', name);
    for (const column of ['applicant_phone_hash', 'applicant_phone', 'applicant_national_id_hash']) {
      await queryRunner.dropColumn('applications', column);
    }
  }
}

async function fillEveryFile(runner: QueryRunner, cipher: SealingCipher): Promise<void> {
  const postgres = runner.connection.options.type === 'postgres';
  const mark = (index: number) => (postgres ? `$${index}` : '?');
  let after = '';
  for (;;) {
    const rows: StoredFile[] = await runner.query(
      `SELECT a.id, a.applicant_national_id, a.form_data, p.form_schema, u.phone AS account_phone
       FROM applications a
       JOIN procedures p ON p.id = a.procedure_id
       LEFT JOIN users u ON u.id = a.applicant_id
       WHERE a.id > ${mark(1)} ORDER BY a.id LIMIT ${PAGE_SIZE}`,
      [after],
    );
    for (const row of rows) {
      const nationalId = row.applicant_national_id ? cipher.open(row.applicant_national_id) : '';
      const phone = normalizePhone(phoneOf(cipher, row));
      await runner.query(
        `UPDATE applications SET applicant_national_id_hash = ${mark(1)}, applicant_phone = ${mark(2)},
         applicant_phone_hash = ${mark(3)} WHERE id = ${mark(4)}`,
        [
          nationalId ? cipher.hash(nationalId) : null,
          phone ? cipher.seal(phone) : null,
          phone ? cipher.hash(phone) : null,
          row.id,
        ],
      );
    }
    if (rows.length < PAGE_SIZE) break;
    after = rows.at(-1)!.id;
  }
}

/** The first phone answer of the file's form, else the phone of the applicant's account. */
function phoneOf(cipher: SealingCipher, row: StoredFile): string | null {
  const fields = parsed<{ name?: unknown; type?: unknown }[]>(row.form_schema) ?? [];
  const answers = parsed<Record<string, unknown>>(row.form_data ? cipher.open(row.form_data) : null) ?? {};
  for (const field of fields) {
    const answer = field.type === 'phone' && typeof field.name === 'string' ? answers[field.name] : null;
    if (typeof answer === 'string' && answer.trim() !== '') return answer;
  }
  return row.account_phone ? cipher.open(row.account_phone) : null;
}

function parsed<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

// A frozen copy of normalizeVietnamesePhone (libs/domain), as it was when this migration was written:
// E.164 (`+84912345678`) for a Vietnamese mobile or landline number in any accepted shape, else null.
function normalizePhone(value: string | null): string | null {
  if (!value) return null;
  const compact = value.replace(/[\s.\-()]/g, '');
  const domestic = /^0(\d+)$/.exec(compact);
  const international = /^\+?84(0?)(\d+)$/.exec(compact);
  const national = domestic ? domestic[1] : international ? international[2] : null;
  return national !== null && /^(?:[35789]\d{8}|2\d{9})$/.test(national) ? `+84${national}` : null;
}
