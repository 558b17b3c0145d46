import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';

import { PartnerClient } from '../entities';

/** Partner API clients (docs/partner-clients.md). */
@Injectable()
export class PartnerClientRepository {
  private readonly clients: Repository<PartnerClient>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.clients = dataSource.getRepository(PartnerClient);
  }

  public async save(client: PartnerClient): Promise<void> {
    await this.clients.save(client);
  }

  /** One look-up by primary key: made on every call a client makes. */
  public findById(id: string): Promise<PartnerClient | null> {
    return this.clients.findOneBy({ id });
  }

  /** Every client, newest first. */
  public all(): Promise<PartnerClient[]> {
    return this.clients.find({ order: { createdAt: 'DESC', id: 'ASC' } });
  }

  public async remove(id: string): Promise<void> {
    await this.clients.delete({ id });
  }
}
