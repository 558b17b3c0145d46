import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, Repository } from 'typeorm';

import { RefreshToken } from '../entities';

@Injectable()
export class RefreshTokenRepository {
  private readonly tokens: Repository<RefreshToken>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.tokens = dataSource.getRepository(RefreshToken);
  }

  public async insert(token: RefreshToken): Promise<void> {
    await this.tokens.insert(token);
  }

  public findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.tokens.findOneBy({ tokenHash });
  }

  /**
   * Marks a token spent, only if nobody spent it first: of two concurrent uses exactly one wins,
   * and the loser is treated as a reuse.
   */
  public async spend(id: string, at: Date): Promise<boolean> {
    const result = await this.tokens.update({ id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: at });
    return (result.affected ?? 0) === 1;
  }

  public async revokeFamily(familyId: string, at: Date): Promise<void> {
    await this.tokens.update({ familyId, revokedAt: IsNull() }, { revokedAt: at });
  }

  public async revokeAllOfUser(userId: string, at: Date): Promise<void> {
    await this.tokens.update({ userId, revokedAt: IsNull() }, { revokedAt: at });
  }
}
