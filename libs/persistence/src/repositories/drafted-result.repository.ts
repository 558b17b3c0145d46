import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';

import { DraftedResult } from '../entities';

/** The clerk's own result of each file, one per file (docs/documents.md, "The clerk's own result"). */
@Injectable()
export class DraftedResultRepository {
  private readonly drafts: Repository<DraftedResult>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.drafts = dataSource.getRepository(DraftedResult);
  }

  public findFor(applicationId: string): Promise<DraftedResult | null> {
    return this.drafts.findOneBy({ applicationId });
  }

  /** Keeps the new draft in place of the file's earlier one; answers the earlier one, whose bytes go. */
  public async replace(draft: DraftedResult, manager: EntityManager): Promise<DraftedResult | null> {
    const drafts = manager.getRepository(DraftedResult);
    const earlier = await drafts.findOneBy({ applicationId: draft.applicationId });
    await drafts.upsert(draft, ['applicationId']);
    return earlier;
  }
}
