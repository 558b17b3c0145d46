import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';

import { hashNationalId } from '@onegate/config';
import { Agency, Application, Procedure, User } from '@onegate/persistence';

/** The import's reads: the catalogue, the codes already in OneGate, citizen accounts. */
@Injectable()
export class ImportRepository {
  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * How many batches may still be being written while the next one is read and replayed. PostgreSQL
   * gives each its own connection; SQLite has one, on which a read would see the open transaction.
   */
  public get writesWhileReading(): number {
    return this.isPostgres ? 2 : 0;
  }

  public async catalogue(): Promise<{ procedures: Procedure[]; agencies: Agency[] }> {
    const [procedures, agencies] = await Promise.all([
      this.dataSource.getRepository(Procedure).find(),
      this.dataSource.getRepository(Agency).find(),
    ]);
    return { procedures, agencies };
  }

  /** Whether OneGate holds any application yet (the demo history seeds only an empty database). */
  public async hasApplications(): Promise<boolean> {
    return (
      (await this.dataSource.getRepository(Application).find({ select: { id: true }, take: 1 })).length > 0
    );
  }

  /** Which of these receipt codes are already in OneGate. */
  public async existingCodes(codes: readonly string[]): Promise<Set<string>> {
    if (codes.length === 0) return new Set();
    if (this.isPostgres) {
      const found: { code: string }[] = await this.dataSource.query(
        'SELECT code FROM applications WHERE code = ANY($1::varchar[])',
        [codes],
      );
      return new Set(found.map((row) => row.code));
    }
    const rows = await this.dataSource
      .getRepository(Application)
      .find({ select: { code: true }, where: { code: In([...codes]) } });
    return new Set(rows.map((row) => row.code!));
  }

  /** Citizen accounts by national ID (found by its keyed hash: the number itself is stored encrypted). */
  public async citizensByNationalId(
    nationalIds: readonly string[],
  ): Promise<Map<string, Pick<User, 'id' | 'email'>>> {
    if (nationalIds.length === 0) return new Map();
    const byHash = new Map(nationalIds.map((nationalId) => [hashNationalId(nationalId), nationalId]));
    const users: Pick<User, 'id' | 'email' | 'nationalIdHash'>[] = this.isPostgres
      ? (
          await this.dataSource.query<{ id: string; email: string; national_id_hash: string }[]>(
            `SELECT id, email, national_id_hash FROM users WHERE national_id_hash = ANY($1::varchar[]) AND role = 'citizen'`,
            [[...byHash.keys()]],
          )
        ).map((row) => ({ id: row.id, email: row.email, nationalIdHash: row.national_id_hash }))
      : await this.dataSource.getRepository(User).find({
          select: { id: true, email: true, nationalIdHash: true },
          where: { nationalIdHash: In([...byHash.keys()]), role: 'citizen' },
        });
    return new Map(
      users.map((user) => [byHash.get(user.nationalIdHash!)!, { id: user.id, email: user.email }]),
    );
  }

  private get isPostgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }
}
