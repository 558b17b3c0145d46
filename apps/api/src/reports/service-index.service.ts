import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import type { Language } from '@onegate/domain';
import { isUniqueViolation } from '@onegate/persistence';
import { Clock } from '@onegate/platform';
import {
  rankingTable,
  ScoringTableRepository,
  scoringProblems,
  serviceIndexTable,
  ServiceIndexQueryService,
} from '@onegate/reporting';
import type {
  ExportFormat,
  RankedUnit,
  ReportCatalogue,
  ReportQuery,
  ScoringTableDefinition,
  ScoringTableVersion,
  ServiceIndexResult,
} from '@onegate/reporting';

import { ReportScopeService } from './report-scope.service';
import type { ExportedFile } from './reports.service';
import { exported } from './reports.service';
import type { ServiceIndexQueryDto } from './service-index.query';

export interface ServiceIndexPeriod {
  from: string;
  to: string;
  agency: string | null;
}

export type ServiceIndexReport = ServiceIndexPeriod & ServiceIndexResult;
export type ServiceIndexRanking = ServiceIndexPeriod & { scoringVersion: number; units: RankedUnit[] };

/** The service index of Decision 766 (docs/decision-766.md), with the reports' access rules. */
@Injectable()
export class ServiceIndexService {
  public constructor(
    private readonly scopes: ReportScopeService,
    private readonly index: ServiceIndexQueryService,
    private readonly tables: ScoringTableRepository,
    private readonly clock: Clock,
  ) {}

  public async figures(user: AuthenticatedUser, request: ServiceIndexQueryDto): Promise<ServiceIndexReport> {
    const { query, catalogue } = await this.scopes.resolve(user, request);
    return { ...periodOf(request), ...(await this.index.index(query, catalogue, this.clock.now())) };
  }

  /**
   * The units ranked: the agencies directly below `agency`, or, without it, every agency the caller
   * reads; each with the agencies below it.
   */
  public async ranking(user: AuthenticatedUser, request: ServiceIndexQueryDto): Promise<ServiceIndexRanking> {
    const { query, catalogue } = await this.scopes.resolve(user, request);
    const unitIds = this.unitsOf(request, query, catalogue);
    return {
      ...periodOf(request),
      ...(await this.index.ranking(query, catalogue, unitIds, this.clock.now())),
    };
  }

  /** The agencies directly below the chosen one, or without one every agency the caller reads. */
  private unitsOf(
    request: ServiceIndexQueryDto,
    query: ReportQuery,
    catalogue: ReportCatalogue,
  ): readonly string[] {
    return request.agency
      ? catalogue.childrenOf(catalogue.agencyByCode(request.agency)!.id)
      : (query.agencyIds ?? catalogue.agencies().map((agency) => agency.id));
  }

  /** Both of the above for one period and scope (the dashboard's), from one read of the figures. */
  public async figuresAndRanking(
    user: AuthenticatedUser,
    request: ServiceIndexQueryDto,
  ): Promise<{ index: ServiceIndexReport; ranking: ServiceIndexRanking }> {
    const { query, catalogue } = await this.scopes.resolve(user, request);
    const both = await this.index.indexAndRanking(
      query,
      catalogue,
      this.unitsOf(request, query, catalogue),
      this.clock.now(),
    );
    return {
      index: { ...periodOf(request), ...both.index },
      ranking: { ...periodOf(request), ...both.ranking },
    };
  }

  public async exportFigures(
    user: AuthenticatedUser,
    request: ServiceIndexQueryDto,
    format: ExportFormat,
    lang: Language,
  ): Promise<ExportedFile> {
    const report = await this.figures(user, request);
    return exported(serviceIndexTable(report, lang), format, `service-index-${request.from}-${request.to}`);
  }

  public async exportRanking(
    user: AuthenticatedUser,
    request: ServiceIndexQueryDto,
    format: ExportFormat,
    lang: Language,
  ): Promise<ExportedFile> {
    const report = await this.ranking(user, request);
    return exported(
      rankingTable(report.units, lang),
      format,
      `service-index-ranking-${request.from}-${request.to}`,
    );
  }

  public scoringTables(): Promise<ScoringTableVersion[]> {
    return this.tables.list();
  }

  /** A new version of the scoring table; a table breaking the rules answers 400 naming the fields. */
  public async addScoringTable(
    admin: AuthenticatedUser,
    effectiveFrom: string,
    definition: ScoringTableDefinition,
  ): Promise<ScoringTableVersion> {
    const problems = scoringProblems(definition);
    if (problems.length > 0) {
      const fields = [...new Set(problems.map((problem) => problem.field))];
      throw new BadRequestException({
        message: `Invalid ${fields.join(', ')}`,
        details: fields.map((field) => ({
          field,
          problems: problems.filter((problem) => problem.field === field).map((problem) => problem.problem),
        })),
      });
    }
    return this.tables.add(definition, effectiveFrom, admin.id).catch((error: unknown) => {
      // Two versions saved at once would take the same number: the second is asked to try again.
      if (isUniqueViolation(error)) {
        throw new ConflictException(
          'Another version of the scoring table was saved at the same time: try again',
        );
      }
      throw error;
    });
  }
}

function periodOf(request: ServiceIndexQueryDto): ServiceIndexPeriod {
  return { from: request.from, to: request.to, agency: request.agency ?? null };
}
