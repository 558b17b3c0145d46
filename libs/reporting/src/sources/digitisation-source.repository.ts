import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, In } from 'typeorm';
import type { FindOptionsWhere } from 'typeorm';

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
    const origins = new Map<string, AttachmentOrigin[]>();
    const results = new Set<string>();
    const ids = files.map((file) => file.id);
    for (let start = 0; start < ids.length; start += SLICE) {
      const slice = In(ids.slice(start, start + SLICE));
      const documents = await manager.find(Attachment, {
        select: { applicationId: true, origin: true, documentName: true },
        where: { applicationId: slice },
      });
      for (const document of documents) {
        if (document.documentName?.startsWith(MESSAGE_FILES_PREFIX)) continue;
        origins.set(document.applicationId, [
          ...(origins.get(document.applicationId) ?? []),
          document.origin,
        ]);
      }
      const issued = await manager.find(IssuedResult, {
        select: { applicationId: true },
        where: { applicationId: slice },
      });
      for (const result of issued) results.add(result.applicationId);
    }
    return files.map((file) => ({
      id: file.id,
      receivedAt: file.receivedAt!,
      agencyId: file.competentAgencyId,
      timeZone: zones.get(file.competentAgencyId) ?? DEFAULT_TIME_ZONE,
      decided: file.decidedAt !== null,
      electronicResult: results.has(file.id),
      origins: origins.get(file.id) ?? [],
    }));
  }
}
