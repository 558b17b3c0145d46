import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import type { EntityManager } from 'typeorm';

import { ProcedureStep } from '../entities';

/** The steps of each procedure's process, in order (docs/applications.md, "Process"). */
@Injectable()
export class ProcedureStepRepository {
  private readonly steps: Repository<ProcedureStep>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.steps = dataSource.getRepository(ProcedureStep);
  }

  public stepsOf(procedureId: string): Promise<ProcedureStep[]> {
    return this.steps.find({ where: { procedureId }, order: { position: 'ASC' } });
  }

  /** The steps of several procedures, by procedure id, each list in order. */
  public async stepsOfMany(procedureIds: readonly string[]): Promise<Map<string, ProcedureStep[]>> {
    const byProcedure = new Map<string, ProcedureStep[]>(procedureIds.map((id) => [id, []]));
    if (procedureIds.length === 0) return byProcedure;
    const rows = await this.steps.find({
      where: { procedureId: In([...procedureIds]) },
      order: { position: 'ASC' },
    });
    for (const row of rows) byProcedure.get(row.procedureId)?.push(row);
    return byProcedure;
  }

  /** The procedure's whole process replaced by `steps`, in the caller's transaction. */
  public async replace(
    manager: EntityManager,
    procedureId: string,
    steps: readonly ProcedureStep[],
  ): Promise<void> {
    await manager.delete(ProcedureStep, { procedureId });
    if (steps.length > 0) await manager.insert(ProcedureStep, [...steps]);
  }
}
