import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';

import { IssuedResult, ResultDownload } from '../entities';

/** The name a signed result is downloaded and mailed under (docs/documents.md). */
export const resultFileName = (result: Pick<IssuedResult, 'kind' | 'code'>): string =>
  result.kind === 'result' ? `ket-qua-${result.code}.pdf` : `thong-bao-${result.code}.pdf`;

@Injectable()
export class IssuedResultRepository {
  private readonly results: Repository<IssuedResult>;
  private readonly downloads: Repository<ResultDownload>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
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
  public async insertOnce(result: IssuedResult): Promise<IssuedResult> {
    await this.results.createQueryBuilder().insert().values(result).orIgnore().execute();
    return this.results.findOneByOrFail({ applicationId: result.applicationId });
  }

  /** Records the owner's first download; later ones change nothing. */
  public async recordFirstDownload(download: ResultDownload): Promise<void> {
    await this.downloads.createQueryBuilder().insert().values(download).orIgnore().execute();
  }

  public async firstDownloadOf(applicationId: string): Promise<Date | null> {
    return (await this.downloads.findOneBy({ applicationId }))?.downloadedAt ?? null;
  }
}
