import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, In } from 'typeorm';
import type { FindOptionsWhere } from 'typeorm';

import { DEFAULT_TIME_ZONE } from '@onegate/domain';
import { Agency, Application } from '@onegate/persistence';

import type { DocumentFacts } from '../figures/application-history';
import { ReportSourceRepository } from './report-source.repository';

/** What the digitisation figures need of one file (docs/metrics.md, "Digitisation"). */
export interface DigitisedFileFacts {
  id: string;
  receivedAt: Date;
  /** The competent agency, whose unit counts the file. */
  agencyId: string;
  /** The competent agency's time zone, whose local date counts the file in a period. */
  timeZone: string;
  decided: boolean;
  /** Its documents (its messages' files left out) and whether an electronic result was issued. */
  documents: DocumentFacts;
}

/**
 * Reads the files received within an instant window (a period widened by a day each side, so that
 * every time zone's local dates are inside), with their documents' facts. The caller keeps those whose
 * local reception date is in the period. Only while the rollups do not hold the counts yet
 * (docs/operations.md, "Rollup layout").
 */
@Injectable()
export class DigitisationSourceRepository {
  public constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sources: ReportSourceRepository,
  ) {}

  public async filesReceivedBetween(
    scope: { agencyIds: readonly string[] | null; procedureId: string | null },
    from: Date,
    to: Date,
  ): Promise<DigitisedFileFacts[]> {
    const manager = this.dataSource.manager;
    const where: FindOptionsWhere<Application> = { receivedAt: Between(from, to) };
    if (scope.agencyIds) where.competentAgencyId = In([...scope.agencyIds]);
    if (scope.procedureId) where.procedureId = scope.procedureId;
    const files = await manager.find(Application, {
      select: { id: true, receivedAt: true, competentAgencyId: true, decidedAt: true },
      where,
    });
    const zones = new Map(
      (await manager.find(Agency, { select: { id: true, timeZone: true } })).map((agency) => [
        agency.id,
        agency.timeZone,
      ]),
    );
    const documents = await this.sources.documentsOf(
      manager,
      files.map((file) => file.id),
    );
    return files.map((file) => ({
      id: file.id,
      receivedAt: file.receivedAt!,
      agencyId: file.competentAgencyId,
      timeZone: zones.get(file.competentAgencyId) ?? DEFAULT_TIME_ZONE,
      decided: file.decidedAt !== null,
      documents: documents.get(file.id)!,
    }));
  }
}
