import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, LessThan, Repository } from 'typeorm';

import { MailSinkMessage } from '../entities';
import { Page, pageOffset, PageRequest } from '../page';

@Injectable()
export class MailSinkRepository {
  private readonly messages: Repository<MailSinkMessage>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.messages = dataSource.getRepository(MailSinkMessage);
  }

  public async insert(message: MailSinkMessage): Promise<void> {
    await this.messages.insert(message);
  }

  public async list(request: PageRequest): Promise<Page<MailSinkMessage>> {
    const [items, total] = await this.messages.findAndCount({
      order: { receivedAt: 'DESC', id: 'DESC' },
      skip: pageOffset(request),
      take: request.pageSize,
    });
    return { items, total, ...request };
  }

  public findById(id: string): Promise<MailSinkMessage | null> {
    return this.messages.findOneBy({ id });
  }

  public receivedBefore(cutoff: Date): Promise<MailSinkMessage[]> {
    return this.messages.findBy({ receivedAt: LessThan(cutoff) });
  }

  public async removeReceivedBefore(cutoff: Date): Promise<void> {
    await this.messages.delete({ receivedAt: LessThan(cutoff) });
  }
}
