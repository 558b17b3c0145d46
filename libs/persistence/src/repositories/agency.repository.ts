import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';

import { Agency } from '../entities';
import { Page, pageOffset, PageRequest } from '../page';

@Injectable()
export class AgencyRepository {
  private readonly agencies: Repository<Agency>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.agencies = dataSource.getRepository(Agency);
  }

  public async list(request: PageRequest): Promise<Page<Agency>> {
    const [items, total] = await this.agencies.findAndCount({
      order: { code: 'ASC' },
      skip: pageOffset(request),
      take: request.pageSize,
    });
    return { items, total, ...request };
  }

  public findById(id: string): Promise<Agency | null> {
    return this.agencies.findOneBy({ id });
  }

  /** The agencies among the ids given that exist. */
  public findByIds(ids: readonly string[]): Promise<Agency[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.agencies.findBy({ id: In([...ids]) });
  }

  public findByCode(code: string): Promise<Agency | null> {
    return this.agencies.findOneBy({ code });
  }

  /** The working days the agency takes to answer feedback; null follows the configured default. */
  public async setFeedbackDays(id: string, feedbackDays: number | null): Promise<void> {
    await this.agencies.update({ id }, { feedbackDays });
  }

  /** The agency and every agency below it. */
  public async subtreeIds(rootId: string): Promise<string[]> {
    const all = await this.agencies.find({ select: { id: true, parentId: true } });
    const children = new Map<string, string[]>();
    for (const agency of all) {
      if (agency.parentId)
        children.set(agency.parentId, [...(children.get(agency.parentId) ?? []), agency.id]);
    }
    const subtree: string[] = [];
    for (const queue = [rootId]; queue.length > 0;) {
      const id = queue.shift()!;
      subtree.push(id);
      queue.push(...(children.get(id) ?? []));
    }
    return subtree;
  }

  /** The agency tree is small (a province has a few hundred agencies), so codes are read whole. */
  public async codesById(): Promise<Map<string, string>> {
    const rows = await this.agencies.find({ select: { id: true, code: true } });
    return new Map(rows.map((agency) => [agency.id, agency.code]));
  }
}
