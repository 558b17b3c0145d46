import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { DEFAULT_TIME_ZONE } from '@onegate/domain';
import { Agency, Application, Attachment, IssuedResult, MESSAGE_FILES_PREFIX } from '@onegate/persistence';
import type { AttachmentOrigin } from '@onegate/persistence';

/** What the digitisation figures need of one file (docs/metrics.md, "Digitisation"). */
export interface DigitisedFileFacts {
  id: string;
  receivedAt: Date;
  /** The competent agency, whose unit counts the file. */
  agencyId: string;
  /** The competent agency's time zone, whose local date counts the file in a period. */
  timeZone: string;
  decided: boolean;
  /** A signed electronic result or decision letter (a `results` row). */
  electronicResult: boolean;
  /** The origins of its documents, leaving out the files of its messages. */
  origins: AttachmentOrigin[];
}

const SLICE = 500;

/**
 * Reads the files received within an instant window (a period widened by a day each side, so that
 * every time zone's local dates are inside), with their documents' origins and whether a result was
 * issued. The caller keeps those whose local reception date is in the period.
 */
@Injectable()
export class DigitisationSourceRepository {
  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  public async filesReceivedBetween(
    scope: { agencyIds: readonly string[] | null; procedureId: string | null },
    from: Date,
    to: Date,
  ): Promise<DigitisedFileFacts[]> {
    const manager = this.dataSource.manager;
    if (scope.agencyIds?.length === 0) return [];
    // Raw rows of the few columns needed: a year holds tens of thousands of files and more documents,
    // and building an entity of each costs more than the query itself. Times are epoch milliseconds.
    const read = manager
      .createQueryBuilder(Application, 'application')
      .select('application.id', 'id')
      .addSelect('application.receivedAt', 'receivedAt')
      .addSelect('application.competentAgencyId', 'agencyId')
      .addSelect('application.decidedAt', 'decidedAt')
      .where('application.receivedAt BETWEEN :from AND :to', { from: from.getTime(), to: to.getTime() });
    if (scope.agencyIds)
      read.andWhere('application.competentAgencyId IN (:...agencies)', { agencies: [...scope.agencyIds] });
    if (scope.procedureId)
      read.andWhere('application.procedureId = :procedure', { procedure: scope.procedureId });
    const files = await read.getRawMany<{
      id: string;
      receivedAt: string | number;
      agencyId: string;
      decidedAt: string | number | null;
    }>();
    const zones = new Map(
      (await manager.find(Agency, { select: { id: true, timeZone: true } })).map((agency) => [
        agency.id,
        agency.timeZone,
      ]),
    );
    const origins = new Map<string, AttachmentOrigin[]>();
    const results = new Set<string>();
    const ids = files.map((file) => file.id);
    // Raw rows of plain text columns: tens of thousands of documents need no entity built each.
    for (let start = 0; start < ids.length; start += SLICE) {
      const slice = ids.slice(start, start + SLICE);
      const documents = await manager
        .createQueryBuilder(Attachment, 'document')
        .select('document.applicationId', 'applicationId')
        .addSelect('document.origin', 'origin')
        .addSelect('document.documentName', 'documentName')
        .where('document.applicationId IN (:...slice)', { slice })
        .getRawMany<{ applicationId: string; origin: AttachmentOrigin; documentName: string | null }>();
      for (const document of documents) {
        if (document.documentName?.startsWith(MESSAGE_FILES_PREFIX)) continue;
        const known = origins.get(document.applicationId);
        if (known) known.push(document.origin);
        else origins.set(document.applicationId, [document.origin]);
      }
      const issued = await manager
        .createQueryBuilder(IssuedResult, 'result')
        .select('result.applicationId', 'applicationId')
        .where('result.applicationId IN (:...slice)', { slice })
        .getRawMany<{ applicationId: string }>();
      for (const result of issued) results.add(result.applicationId);
    }
    return files.map((file) => ({
      id: file.id,
      receivedAt: new Date(Number(file.receivedAt)),
      agencyId: file.agencyId,
      timeZone: zones.get(file.agencyId) ?? DEFAULT_TIME_ZONE,
      decided: file.decidedAt !== null,
      electronicResult: results.has(file.id),
      origins: origins.get(file.id) ?? [],
    }));
  }
}
