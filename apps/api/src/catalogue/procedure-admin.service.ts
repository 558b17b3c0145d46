import { randomUUID } from 'node:crypto';

import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';

import { DEFAULT_FEE_DUE, DEFAULT_RETENTION_DAYS, processProblems } from '@onegate/domain';
import {
  AgencyRepository,
  isUniqueViolation,
  ProcedureRepository,
  ProcedureStepRepository,
  toSearchText,
  TransactionRunner,
} from '@onegate/persistence';
import type { Agency, Procedure, ProcedureStep } from '@onegate/persistence';
import type { FieldProblem } from '@onegate/platform';

import { CreateProcedureRequest, ProcedureStepRequest, UpdateProcedureRequest } from './admin-procedures.dto';
import { ProcedureDto } from './catalogue.dto';

const EDITABLE_FIELDS = [
  'nameVi',
  'nameEn',
  'field',
  'processingHours',
  'onlineLevel',
  'feeVnd',
  'feeDue',
  'supplementPolicy',
  'requiredDocuments',
  'formSchema',
  'resultTemplate',
  'retentionDays',
] as const;

/** Administrators maintain the catalogue: create, edit and retire procedures. */
@Injectable()
export class ProcedureAdminService {
  public constructor(
    private readonly procedures: ProcedureRepository,
    private readonly agencies: AgencyRepository,
    private readonly steps: ProcedureStepRepository,
    private readonly transactions: TransactionRunner,
  ) {}

  public async create(request: CreateProcedureRequest): Promise<ProcedureDto> {
    const agency = await this.check(request);
    await this.checkSteps(request.steps ?? [], request.processingHours);
    if (await this.procedures.findByCode(request.code)) throw conflict(request.code);
    const now = new Date();
    const procedure = {
      id: randomUUID(),
      code: request.code,
      nameVi: request.nameVi,
      nameEn: request.nameEn,
      field: request.field,
      agencyId: agency!.id,
      processingHours: request.processingHours,
      onlineLevel: request.onlineLevel,
      feeVnd: request.feeVnd,
      feeDue: request.feeDue ?? DEFAULT_FEE_DUE,
      supplementPolicy: request.supplementPolicy,
      requiredDocuments: request.requiredDocuments,
      formSchema: request.formSchema,
      resultTemplate: request.resultTemplate ?? null,
      retentionDays: request.retentionDays === undefined ? DEFAULT_RETENTION_DAYS : request.retentionDays,
      searchText: searchTextOf(request),
      retiredAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.procedures.insert(procedure).catch((error: unknown) => {
      throw isUniqueViolation(error) ? conflict(request.code) : error;
    });
    if (request.steps) await this.replaceSteps(procedure.id, request.steps);
    return this.get(request.code);
  }

  public async update(code: string, request: UpdateProcedureRequest): Promise<ProcedureDto> {
    const procedure = await this.load(code);
    const agency = await this.check(request);
    // The budgets must still add up when either the steps or the time limit change.
    const processingHours = request.processingHours ?? procedure.processingHours;
    const steps = request.steps ?? (await this.steps.stepsOf(procedure.id));
    await this.checkSteps(steps, processingHours);
    const changes: Partial<Procedure> = {};
    for (const key of EDITABLE_FIELDS) {
      if (request[key] !== undefined) Object.assign(changes, { [key]: request[key] });
    }
    if (agency) changes.agencyId = agency.id;
    if (Object.keys(changes).length > 0) {
      changes.searchText = searchTextOf({ ...procedure, ...changes });
      await this.procedures.update(procedure.id, changes);
    }
    if (request.steps) await this.replaceSteps(procedure.id, request.steps);
    return this.get(code);
  }

  /** A retired procedure takes no new applications but stays readable; retiring again changes nothing. */
  public async retire(code: string): Promise<ProcedureDto> {
    const procedure = await this.load(code);
    if (procedure.retiredAt === null) await this.procedures.retire(procedure.id, new Date());
    return this.get(code);
  }

  private async get(code: string): Promise<ProcedureDto> {
    const procedure = await this.load(code);
    return ProcedureDto.from(procedure, await this.steps.stepsOf(procedure.id));
  }

  /** A process is none, or 2 to 8 steps whose budgets add up to the time limit, each held by a known agency. */
  private async checkSteps(
    steps: readonly Pick<ProcedureStepRequest, 'budgetHours' | 'holderRole' | 'holderAgencyId'>[],
    processingHours: number,
  ): Promise<void> {
    const details: FieldProblem[] = [];
    const problems = processProblems(steps, processingHours);
    if (problems.length > 0) details.push({ field: 'steps', problems });
    for (const [index, step] of steps.entries()) {
      if (step.holderAgencyId && !(await this.agencies.findById(step.holderAgencyId))) {
        details.push({ field: `steps.${index}.holderAgencyId`, problems: ['no such agency'] });
      }
    }
    if (details.length > 0) {
      throw new BadRequestException({
        message: `Invalid ${details.map((detail) => detail.field).join(', ')}: ${details.flatMap((detail) => detail.problems).join('; ')}`,
        details,
      });
    }
  }

  private async replaceSteps(procedureId: string, requested: readonly ProcedureStepRequest[]): Promise<void> {
    const steps: ProcedureStep[] = requested.map((step, index) => ({
      id: randomUUID(),
      procedureId,
      position: index + 1,
      nameVi: step.nameVi,
      nameEn: step.nameEn,
      holderRole: step.holderRole,
      holderAgencyId: step.holderAgencyId ?? null,
      budgetHours: step.budgetHours,
    }));
    await this.transactions.run((manager) => this.steps.replace(manager, procedureId, steps));
  }

  private async load(code: string): Promise<Procedure> {
    const procedure = await this.procedures.findByCode(code);
    if (!procedure) throw new NotFoundException(`No procedure with code ${code}`);
    return procedure;
  }

  /** What the DTO alone cannot check: the agency exists, and names are unique within their lists. */
  private async check(request: UpdateProcedureRequest): Promise<Agency | null> {
    const agency = request.agencyCode ? await this.agencies.findByCode(request.agencyCode) : null;
    const details: FieldProblem[] = [
      ...(request.agencyCode && !agency
        ? [{ field: 'agencyCode', problems: [`no agency ${request.agencyCode}`] }]
        : []),
      ...duplicateNames(request.requiredDocuments, 'requiredDocuments'),
      ...duplicateNames(request.formSchema, 'formSchema'),
    ];
    if (details.length > 0) {
      throw new BadRequestException({
        message: `Invalid ${details.map((detail) => detail.field).join(', ')}`,
        details,
      });
    }
    return agency;
  }
}

function duplicateNames(items: { name: string }[] | undefined, path: string): FieldProblem[] {
  const firstIndex = new Map<string, number>();
  return (items ?? []).flatMap((item, index) => {
    const first = firstIndex.get(item.name);
    if (first === undefined) {
      firstIndex.set(item.name, index);
      return [];
    }
    return [
      { field: `${path}.${index}.name`, problems: [`name ${item.name} is already used by ${path}.${first}`] },
    ];
  });
}

const searchTextOf = (procedure: Pick<Procedure, 'code' | 'nameVi' | 'nameEn' | 'field'>): string =>
  toSearchText(`${procedure.code} ${procedure.nameVi} ${procedure.nameEn} ${procedure.field}`);

const conflict = (code: string) => new ConflictException(`A procedure with code ${code} already exists`);
