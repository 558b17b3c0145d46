import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { ReportCatalogueRepository } from '@onegate/reporting';
import type { ReportCatalogue, ReportQuery } from '@onegate/reporting';

import type { ReportQueryDto } from './report.query';

export interface ResolvedReport {
  query: ReportQuery;
  catalogue: ReportCatalogue;
}

/**
 * Turns a report request into the rows it may read. Administrators see every agency; a supervisor sees
 * their agency and every agency below it, and an agency or procedure outside it does not exist for
 * them. `agency=X` means X and every agency below it.
 */
@Injectable()
export class ReportScopeService {
  public constructor(private readonly catalogues: ReportCatalogueRepository) {}

  public async resolve(user: AuthenticatedUser, request: ReportQueryDto): Promise<ResolvedReport> {
    if (request.from > request.to) {
      throw new BadRequestException({
        message: 'Invalid from',
        details: [
          { field: 'from', problems: [`from (${request.from}) must not be after to (${request.to})`] },
        ],
      });
    }
    const catalogue = await this.catalogues.load();
    const visible =
      user.role === 'admin' ? null : new Set(user.agencyId ? catalogue.subtree(user.agencyId) : []);
    let agencyIds: string[] | null = visible ? [...visible] : null;
    if (request.agency) {
      const agency = catalogue.agencyByCode(request.agency);
      if (!agency || (visible && !visible.has(agency.id))) {
        throw new NotFoundException(`No agency ${request.agency} among the agencies you report on`);
      }
      agencyIds = catalogue.subtree(agency.id);
    }
    let procedureId: string | null = null;
    if (request.procedure) {
      const procedure = catalogue.procedureByCode(request.procedure);
      if (!procedure || (visible && !visible.has(procedure.agencyId))) {
        throw new NotFoundException(`No procedure ${request.procedure} among the procedures you report on`);
      }
      procedureId = procedure.id;
    }
    return { query: { from: request.from, to: request.to, agencyIds, procedureId }, catalogue };
  }
}
