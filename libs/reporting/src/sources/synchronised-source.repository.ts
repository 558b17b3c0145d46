import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { addDays, DEFAULT_TIME_ZONE } from '@onegate/domain';
import { Agency, Application, NationalSyncEntry } from '@onegate/persistence';

import { LocalDays } from '../figures/local-days';

/**
 * The files received in a period that OneGate sent to the national portal, each with whether the portal
 * has accepted its every status change (docs/decision-766.md, "1d, synchronised"): read from the
 * synchronisation entries, by the local date of the file's reception on its competent agency's clock.
 * Files brought by the historical import have no entries and are not among them.
 */
@Injectable()
export class SynchronisedSourceRepository {
  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  public async synchronisedFiles(
    agencyIds: readonly string[] | null,
    from: string,
    to: string,
  ): Promise<{ agencyId: string; synchronised: boolean }[]> {
    if (agencyIds?.length === 0) return [];
    // Every clock's local dates of the period lie within a day of the UTC ones.
    const start = Date.parse(`${addDays(from, -1)}T00:00:00Z`);
    const end = Date.parse(`${addDays(to, 2)}T00:00:00Z`);
    const rows: {
      id: string;
      agencyId: string;
      receivedAt: string | number;
      entries: string | number;
      accepted: string | number;
    }[] = await this.dataSource
      .createQueryBuilder()
      .select('file.id', 'id')
      .addSelect('file.competent_agency_id', 'agencyId')
      .addSelect('file.received_at', 'receivedAt')
      .addSelect('COUNT(entry.event_id)', 'entries')
      .addSelect(`SUM(CASE WHEN entry.state = 'accepted' THEN 1 ELSE 0 END)`, 'accepted')
      .from(Application, 'file')
      .innerJoin(NationalSyncEntry, 'entry', 'entry.application_id = file.id')
      .where('file.received_at >= :start AND file.received_at < :end', { start, end })
      .groupBy('file.id')
      .addGroupBy('file.competent_agency_id')
      .addGroupBy('file.received_at')
      .getRawMany();
    const zones = new Map(
      (await this.dataSource.manager.find(Agency, { select: { id: true, timeZone: true } })).map((agency) => [
        agency.id,
        agency.timeZone,
      ]),
    );
    const unit = agencyIds ? new Set(agencyIds) : null;
    return rows
      .filter((row) => Number(row.entries) > 0 && (!unit || unit.has(row.agencyId)))
      .filter((row) => {
        const date = LocalDays.of(zones.get(row.agencyId) ?? DEFAULT_TIME_ZONE).dateOf(
          Number(row.receivedAt),
        );
        return date >= from && date <= to;
      })
      .map((row) => ({
        agencyId: row.agencyId,
        synchronised: Number(row.accepted) === Number(row.entries),
      }));
  }
}
