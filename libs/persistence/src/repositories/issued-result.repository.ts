import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';

import { IssuedResult, ResultDownload, ResultNumber } from '../entities';

/** The name a signed result is downloaded and mailed under (docs/documents.md). */
export const resultFileName = (result: Pick<IssuedResult, 'kind' | 'code'>): string =>
  result.kind === 'result' ? `ket-qua-${result.code}.pdf` : `thong-bao-${result.code}.pdf`;

@Injectable()
export class IssuedResultRepository {
  private readonly results: Repository<IssuedResult>;
  private readonly downloads: Repository<ResultDownload>;
  private readonly numbers: Repository<ResultNumber>;

  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.numbers = dataSource.getRepository(ResultNumber);
    this.results = dataSource.getRepository(IssuedResult);
    this.downloads = dataSource.getRepository(ResultDownload);
  }

  public findByApplication(applicationId: string): Promise<IssuedResult | null> {
    return this.results.findOneBy({ applicationId });
  }

  public findByCode(code: string): Promise<IssuedResult | null> {
    return this.results.findOneBy({ code });
  }

  public findBySha256(sha256: string): Promise<IssuedResult | null> {
    return this.results.findOneBy({ sha256 });
  }

  /** Keeps the first result of an application; answers the one kept, which may be another's. */
  public async insertOnce(
    result: IssuedResult,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<IssuedResult> {
    const results = manager.getRepository(IssuedResult);
    await results.createQueryBuilder().insert().values(result).orIgnore().execute();
    return results.findOneByOrFail({ applicationId: result.applicationId });
  }

  /**
   * The document number of an application's result: the one it was given before, else the agency's
   * next of the year. Two issuances at once may compute the same next number; the unique index lets
   * one in and the other tries again, so no number is given twice.
   */
  public async documentNumber(applicationId: string, agencyId: string, year: number): Promise<number> {
    const postgres = this.dataSource.options.type === 'postgres';
    const parameters = postgres
      ? [applicationId, agencyId, year]
      : [applicationId, agencyId, year, agencyId, year];
    for (let attempt = 0; ; attempt++) {
      const given = await this.numbers.findOneBy({ applicationId });
      if (given) return given.number;
      if (attempt === 20) throw new Error('no free result number after 20 attempts');
      // The SELECT's WHERE also keeps SQLite from reading ON CONFLICT as part of the SELECT.
      await this.dataSource.query(
        `INSERT INTO result_numbers (application_id, agency_id, year, number)
         SELECT ${postgres ? '$1::varchar, $2::varchar, $3::integer' : '?, ?, ?'}, COALESCE(MAX(number), 0) + 1
         FROM result_numbers WHERE agency_id = ${postgres ? '$2' : '?'} AND year = ${postgres ? '$3' : '?'}
         ON CONFLICT DO NOTHING`,
        parameters,
      );
    }
  }

  /** Records the owner's first download; later ones change nothing. */
  public async recordFirstDownload(download: ResultDownload): Promise<void> {
    await this.downloads.createQueryBuilder().insert().values(download).orIgnore().execute();
  }

  public async firstDownloadOf(applicationId: string): Promise<Date | null> {
    return (await this.downloads.findOneBy({ applicationId }))?.downloadedAt ?? null;
  }
}
