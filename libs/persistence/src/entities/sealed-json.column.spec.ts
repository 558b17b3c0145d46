import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataSource, Entity, PrimaryColumn } from 'typeorm';

import { decryptPersonalText, NationalIdCipherError, useNationalIdKeys } from '@onegate/config';

import { sealedJson, SealedJsonColumn } from './sealed-json.column';

const NATIONAL_ID = '022090001234';
const ADDRESS = '12 Bến Đoan, Hạ Long';
const ANSWERS = { nationalId: NATIONAL_ID, plotAddress: ADDRESS, capital: 50_000_000, agree: true };

@Entity('answers')
class Answers {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @SealedJsonColumn({ name: 'form_data' })
  public formData!: Record<string, unknown>;
}

describe('sealedJson, the transformer of encrypted JSON columns', () => {
  beforeAll(() =>
    useNationalIdKeys({ encryption: [{ id: 'k1', key: randomBytes(32) }], hashKey: randomBytes(32) }),
  );

  it('stores the whole JSON text sealed, never the same twice, and reads back the same value', () => {
    const stored = sealedJson.to(ANSWERS) as string;
    expect(stored).toMatch(/^v1:k1:[A-Za-z0-9+/]+=*$/);
    expect(stored).not.toContain(NATIONAL_ID);
    expect(Buffer.from(stored.split(':')[2], 'base64').toString('utf8')).not.toContain(ADDRESS);
    expect(sealedJson.to(ANSWERS)).not.toBe(stored);
    expect(decryptPersonalText(stored)).toBe(JSON.stringify(ANSWERS));
    expect(sealedJson.from(stored)).toEqual(ANSWERS);
    expect(sealedJson.from(sealedJson.to({}))).toEqual({});
  });

  it('reads plain JSON written before encryption, keeps null, and refuses an altered value', () => {
    expect(sealedJson.from(JSON.stringify(ANSWERS))).toEqual(ANSWERS);
    expect(sealedJson.from('{}')).toEqual({});
    expect(sealedJson.to(null)).toBeNull();
    expect(sealedJson.from(null)).toBeNull();
    const stored = sealedJson.to(ANSWERS) as string;
    expect(() => sealedJson.from(`${stored.slice(0, -4)}AAA=`)).toThrow(NationalIdCipherError);
  });

  describe('through TypeORM', () => {
    let dataSource: DataSource;
    const raw = async (id: string) =>
      (
        (await dataSource.query('SELECT form_data FROM answers WHERE id = ?', [id])) as {
          form_data: string;
        }[]
      )[0].form_data;

    beforeAll(async () => {
      dataSource = await new DataSource({
        type: 'better-sqlite3',
        database: ':memory:',
        entities: [Answers],
      }).initialize();
      await dataSource.query('CREATE TABLE answers (id varchar(36) PRIMARY KEY, form_data text NOT NULL)');
    });

    afterAll(() => dataSource?.destroy());

    it('writes the sealed text as it is (a text column, not JSON of it) on insert, save and update', async () => {
      const answers = dataSource.getRepository(Answers);
      await answers.insert({ id: 'a', formData: ANSWERS });
      expect(await raw('a')).toMatch(/^v1:k1:/);
      expect((await answers.findOneByOrFail({ id: 'a' })).formData).toEqual(ANSWERS);

      await answers.save({ id: 'b', formData: { plotAddress: ADDRESS } });
      await dataSource
        .createQueryBuilder()
        .update(Answers)
        .set({ formData: { ...ANSWERS, agree: false } })
        .where('id = :id', { id: 'b' })
        .execute();
      expect(await raw('b')).toMatch(/^v1:k1:/);
      expect((await answers.findOneByOrFail({ id: 'b' })).formData).toEqual({ ...ANSWERS, agree: false });
    });

    it('reads a row still holding plain JSON', async () => {
      await dataSource.query('INSERT INTO answers (id, form_data) VALUES (?, ?)', [
        'c',
        JSON.stringify(ANSWERS),
      ]);
      expect((await dataSource.getRepository(Answers).findOneByOrFail({ id: 'c' })).formData).toEqual(
        ANSWERS,
      );
    });
  });
});
