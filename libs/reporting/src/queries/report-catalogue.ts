import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { Agency, Procedure } from '@onegate/persistence';

export type CatalogueAgency = Pick<Agency, 'id' | 'code' | 'parentId' | 'nameVi' | 'nameEn'>;
export type CatalogueProcedure = Pick<
  Procedure,
  'id' | 'code' | 'nameVi' | 'nameEn' | 'field' | 'agencyId' | 'onlineLevel' | 'feeVnd' | 'retiredAt'
>;

/** The agency tree and the procedures, as reports name and filter them. */
export class ReportCatalogue {
  private readonly agenciesById: Map<string, CatalogueAgency>;
  private readonly agenciesByCode: Map<string, CatalogueAgency>;
  private readonly children = new Map<string, string[]>();
  private readonly proceduresById: Map<string, CatalogueProcedure>;
  private readonly proceduresByCode: Map<string, CatalogueProcedure>;

  public constructor(agencies: CatalogueAgency[], procedures: CatalogueProcedure[]) {
    this.agenciesById = new Map(agencies.map((agency) => [agency.id, agency]));
    this.agenciesByCode = new Map(agencies.map((agency) => [agency.code, agency]));
    for (const agency of agencies) {
      if (agency.parentId)
        this.children.set(agency.parentId, [...(this.children.get(agency.parentId) ?? []), agency.id]);
    }
    this.proceduresById = new Map(procedures.map((procedure) => [procedure.id, procedure]));
    this.proceduresByCode = new Map(procedures.map((procedure) => [procedure.code, procedure]));
  }

  public agency(id: string): CatalogueAgency | undefined {
    return this.agenciesById.get(id);
  }

  public agencyByCode(code: string): CatalogueAgency | undefined {
    return this.agenciesByCode.get(code);
  }

  public procedure(id: string): CatalogueProcedure | undefined {
    return this.proceduresById.get(id);
  }

  public procedureByCode(code: string): CatalogueProcedure | undefined {
    return this.proceduresByCode.get(code);
  }

  public procedures(): CatalogueProcedure[] {
    return [...this.proceduresById.values()];
  }

  public agencies(): CatalogueAgency[] {
    return [...this.agenciesById.values()];
  }

  /** The agencies directly below the given one. */
  public childrenOf(id: string): string[] {
    return this.children.get(id) ?? [];
  }

  /** The agency and every agency below it. */
  public subtree(rootId: string): string[] {
    const ids: string[] = [];
    for (const queue = [rootId]; queue.length > 0;) {
      const id = queue.shift()!;
      ids.push(id);
      queue.push(...(this.children.get(id) ?? []));
    }
    return ids;
  }
}

@Injectable()
export class ReportCatalogueRepository {
  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A province has hundreds of agencies and a few thousand procedures: read whole. */
  public async load(): Promise<ReportCatalogue> {
    const [agencies, procedures] = await Promise.all([
      this.dataSource.getRepository(Agency).find({
        select: { id: true, code: true, parentId: true, nameVi: true, nameEn: true },
      }),
      this.dataSource.getRepository(Procedure).find({
        select: {
          id: true,
          code: true,
          nameVi: true,
          nameEn: true,
          field: true,
          agencyId: true,
          onlineLevel: true,
          feeVnd: true,
          retiredAt: true,
        },
      }),
    ]);
    return new ReportCatalogue(agencies, procedures);
  }
}
