import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';

import { Attachment } from '../entities';

@Injectable()
export class AttachmentRepository {
  private readonly attachments: Repository<Attachment>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.attachments = dataSource.getRepository(Attachment);
  }

  public async insert(attachment: Attachment): Promise<void> {
    await this.attachments.insert(attachment);
  }

  public findOne(applicationId: string, id: string): Promise<Attachment | null> {
    return this.attachments.findOneBy({ applicationId, id });
  }
}
