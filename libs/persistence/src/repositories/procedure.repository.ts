import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, IsNull, Repository } from 'typeorm';

import { OnlineLevel, Procedure } from '../entities';
import { firstOrNull } from '../first-or-null';
import { PreparedSelect } from '../prepared-select';
import { Page, pageOffset, PageRequest } from '../page';
import { escapeLike, toSearchText } from '../search-text';

export interface ProcedureSearch extends PageRequest {
  text?: string;
  field?: string;
  agencyCode?: string;
  onlineLevel?: OnlineLevel;
  includeRetired?: boolean;
}

@Injectable()
export class ProcedureRepository {
  private readonly procedures: Repository<Procedure>;
  // Find options rather than findOne(): with a join, findOne's LIMIT costs an extra query for the distinct ids.
  private readonly byCode: PreparedSelect<Procedure, 'code'>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.procedures = dataSource.getRepository(Procedure);
    this.byCode = PreparedSelect.find(dataSource, Procedure, ['code'], ({ code }) => ({
      where: { code },
      relations: { agency: true },
    }));
  }

  public async search(search: ProcedureSearch): Promise<Page<Procedure>> {
    const query = this.procedures
      .createQueryBuilder('procedure')
      .innerJoinAndSelect('procedure.agency', 'agency')
      .orderBy('procedure.code', 'ASC')
      .skip(pageOffset(search))
      .take(search.pageSize);
    const words = toSearchText(search.text ?? '')
      .split(' ')
      .filter((word) => word.length > 0);
    if (words.length > 0) {
      query.andWhere(
        new Brackets((all) =>
          words.forEach((word, index) =>
            all.andWhere(`procedure.search_text LIKE :word${index} ESCAPE '\\'`, {
              [`word${index}`]: `%${escapeLike(word)}%`,
            }),
          ),
        ),
      );
    }
    if (search.field) query.andWhere('procedure.field = :field', { field: search.field });
    if (search.agencyCode) query.andWhere('agency.code = :agencyCode', { agencyCode: search.agencyCode });
    if (search.onlineLevel) query.andWhere('procedure.online_level = :level', { level: search.onlineLevel });
    if (!search.includeRetired) query.andWhere('procedure.retired_at IS NULL');
    const [items, total] = await query.getManyAndCount();
    return { items, total, page: search.page, pageSize: search.pageSize };
  }

  public findByCode(code: string): Promise<Procedure | null> {
    return this.byCode.getMany({ code }).then(firstOrNull);
  }

  public async insert(procedure: Procedure): Promise<void> {
    await this.procedures.insert(procedure);
  }

  public async update(id: string, changes: Partial<Procedure>): Promise<void> {
    await this.procedures.update({ id }, { ...changes, updatedAt: new Date() });
  }

  /** Retiring twice keeps the first retirement time. */
  public async retire(id: string, at: Date): Promise<void> {
    await this.procedures.update({ id, retiredAt: IsNull() }, { retiredAt: at, updatedAt: at });
  }
}
