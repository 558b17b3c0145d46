import { createHash, randomBytes, randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, MoreThan } from 'typeorm';

import { AccountToken } from '../entities';
import type { AccountTokenPurpose } from '../entities';

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Single-use e-mail links: only their hash is stored; spending one is an update only one caller wins. */
@Injectable()
export class AccountTokenRepository {
  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Stores a new link and answers its token, which exists nowhere else but in the e-mail. */
  public async issue(
    fields: { userId: string; purpose: AccountTokenPurpose; email: string | null },
    now: Date,
    lifetimeMs: number,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.dataSource.getRepository(AccountToken).insert({
      id: randomUUID(),
      ...fields,
      tokenHash: hashOf(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + lifetimeMs),
      usedAt: null,
    });
    return token;
  }

  /** The link's row if it can still be spent, without spending it. */
  public findOpen(token: string, purpose: AccountTokenPurpose, now: Date): Promise<AccountToken | null> {
    return this.dataSource
      .getRepository(AccountToken)
      .findOneBy({ tokenHash: hashOf(token), purpose, usedAt: IsNull(), expiresAt: MoreThan(now) });
  }

  /** The link's row, spent now; null if it is unknown, of another purpose, spent already or expired. */
  public async spend(token: string, purpose: AccountTokenPurpose, now: Date): Promise<AccountToken | null> {
    const repository = this.dataSource.getRepository(AccountToken);
    const tokenHash = hashOf(token);
    const result = await repository.update(
      { tokenHash, purpose, usedAt: IsNull(), expiresAt: MoreThan(now) },
      { usedAt: now },
    );
    if ((result.affected ?? 0) !== 1) return null;
    return repository.findOneBy({ tokenHash });
  }

  /** Spends every other open link of the account for this purpose: the newest one made them moot. */
  public async retire(userId: string, purpose: AccountTokenPurpose, now: Date): Promise<void> {
    await this.dataSource
      .getRepository(AccountToken)
      .update({ userId, purpose, usedAt: IsNull() }, { usedAt: now });
  }
}
