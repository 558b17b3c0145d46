import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';

import { Attachment } from '../entities';
import { EntityRows } from '../entity-rows';

@Injectable()
export class AttachmentRepository {
  private readonly attachments: Repository<Attachment>;
  private readonly rows: EntityRows<Attachment>;

  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.attachments = dataSource.getRepository(Attachment);
    this.rows = new EntityRows(dataSource, Attachment);
  }

  public async insert(attachment: Attachment): Promise<void> {
    await this.rows.insert(this.dataSource.manager, [attachment]);
  }

  public findOne(applicationId: string, id: string): Promise<Attachment | null> {
    return this.attachments.findOneBy({ applicationId, id });
  }
}
