import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

import { ServiceIndexScoringTable } from '@onegate/persistence';

import type { ScoringTableDefinition, ScoringTableVersion } from './scoring-table';

/** The versions of the scoring table of the service index; never changed, only added to. */
@Injectable()
export class ScoringTableRepository {
  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every version, the newest first. */
  public async list(): Promise<ScoringTableVersion[]> {
    const rows = await this.dataSource
      .getRepository(ServiceIndexScoringTable)
      .find({ order: { version: 'DESC' } });
    return rows.map(versionOf);
  }

  /** Adds a version numbered after the last; two at once: one gets the next number, the other fails. */
  public async add(
    definition: ScoringTableDefinition,
    effectiveFrom: string,
    createdBy: string,
  ): Promise<ScoringTableVersion> {
    return this.dataSource.transaction(async (manager) => {
      const repository = manager.getRepository(ServiceIndexScoringTable);
      const [last] = await repository.find({ order: { version: 'DESC' }, take: 1 });
      const row = repository.create({
        id: randomUUID(),
        version: (last?.version ?? 0) + 1,
        effectiveFrom,
        definition: JSON.stringify({ groups: definition.groups, criteria: definition.criteria }),
        createdAt: new Date(),
        createdBy,
      });
      await repository.insert(row);
      return versionOf(row);
    });
  }
}

function versionOf(row: ServiceIndexScoringTable): ScoringTableVersion {
  const definition = JSON.parse(row.definition) as ScoringTableDefinition;
  return {
    version: row.version,
    effectiveFrom: row.effectiveFrom,
    createdAt: row.createdAt.toISOString(),
    groups: definition.groups,
    criteria: definition.criteria,
  };
}
