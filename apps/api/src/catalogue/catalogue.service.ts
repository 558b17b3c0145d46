import { Injectable, NotFoundException } from '@nestjs/common';

import { AgencyRepository, ProcedureRepository, ProcedureStepRepository } from '@onegate/persistence';

import { AgencyDto, mapPage, PageDto, PageQuery, ProcedureDto, ProcedureQuery } from './catalogue.dto';

@Injectable()
export class CatalogueService {
  public constructor(
    private readonly agencies: AgencyRepository,
    private readonly procedures: ProcedureRepository,
    private readonly steps: ProcedureStepRepository,
  ) {}

  public async listAgencies(query: PageQuery): Promise<PageDto<AgencyDto>> {
    const page = await this.agencies.list(query);
    const codes = await this.agencies.codesById();
    return mapPage(page, (agency) => AgencyDto.from(agency, (id) => codes.get(id) ?? null));
  }

  public async searchProcedures(query: ProcedureQuery): Promise<PageDto<ProcedureDto>> {
    const page = await this.procedures.search({
      page: query.page,
      pageSize: query.pageSize,
      text: query.q,
      field: query.field,
      agencyCode: query.agency,
      onlineLevel: query.onlineLevel,
      includeRetired: query.includeRetired,
    });
    const steps = await this.steps.stepsOfMany(page.items.map((procedure) => procedure.id));
    return mapPage(page, (procedure) => ProcedureDto.from(procedure, steps.get(procedure.id)));
  }

  public async getProcedure(code: string): Promise<ProcedureDto> {
    const procedure = await this.procedures.findByCode(code);
    if (!procedure) throw new NotFoundException(`No procedure with code ${code}`);
    return ProcedureDto.from(procedure, await this.steps.stepsOf(procedure.id));
  }
}
