import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';

import type { AuthenticatedUser, PartnerCaller } from '@onegate/access';
import { AgencyRepository } from '@onegate/persistence';

import type { ReportQueryDto } from '../reports/report.query';
import type { SummaryReport } from '../reports/reports.service';
import { ReportsService } from '../reports/reports.service';
import { actingAs } from './partner-actor';

/**
 * The report figures for a partner client: those of one of its agencies (with the agencies below it),
 * counted exactly as for a supervisor of that agency (docs/partner-clients.md).
 */
@Injectable()
export class PartnerReportsService {
  public constructor(
    private readonly reports: ReportsService,
    private readonly agencies: AgencyRepository,
  ) {}

  public async summary(caller: PartnerCaller, query: ReportQueryDto): Promise<SummaryReport> {
    return this.reports.summary(await this.readerFor(caller, query.agency), query);
  }

  /** A supervisor of the client's agency that holds the one asked for (the only one when none is named). */
  private async readerFor(caller: PartnerCaller, agencyCode: string | undefined): Promise<AuthenticatedUser> {
    let rootId: string | undefined;
    if (agencyCode === undefined) {
      if (caller.agencyIds.length !== 1)
        throw new BadRequestException({
          message: 'Name the agency: this client reports on several',
          details: [{ field: 'agency', problems: ['is required when the client has several agencies'] }],
        });
      rootId = caller.agencyIds[0];
    } else {
      const agency = await this.agencies.findByCode(agencyCode);
      for (const agencyId of caller.agencyIds) {
        if (agency && (await this.agencies.subtreeIds(agencyId)).includes(agency.id)) rootId = agencyId;
      }
      if (!rootId) throw new NotFoundException(`No agency ${agencyCode} among the agencies you report on`);
    }
    return actingAs(caller, 'supervisor', rootId!);
  }
}
