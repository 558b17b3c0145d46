import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';

import { RefreshToken } from '../entities';

/** The key space of the PostgreSQL advisory locks that keep a session's token changes in turn. */
const SESSION_LOCK_SPACE = 0x5e55;

/**
 * A session's refresh tokens change only inside a transaction that first took the session's lock
 * (`lockSession`), so spending a token, issuing its successor and revoking the session never
 * interleave (docs/identity.md).
 */
@Injectable()
export class RefreshTokenRepository {
  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The first token of a new session: nobody else knows its family yet, so it needs no lock. */
  public async insert(token: RefreshToken, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(RefreshToken).insert(token);
  }

  public findByHash(tokenHash: string): Promise<RefreshToken | null> {
    return this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash });
  }

  public findById(manager: EntityManager, id: string): Promise<RefreshToken | null> {
    return manager.getRepository(RefreshToken).findOneBy({ id });
  }

  /**
   * Waits until no other transaction is changing the session's tokens, and keeps the others waiting
   * until this one ends. On SQLite transactions already take turns (TransactionRunner).
   */
  public async lockSession(manager: EntityManager, familyId: string): Promise<void> {
    if (manager.connection.options.type !== 'postgres') return;
    await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [SESSION_LOCK_SPACE, familyId]);
  }

  /** Marks a token spent, only if it is neither spent nor revoked: false when someone spent it first. */
  public async spend(manager: EntityManager, id: string, at: Date): Promise<boolean> {
    const result = await manager
      .getRepository(RefreshToken)
      .update({ id, usedAt: IsNull(), revokedAt: IsNull() }, { usedAt: at });
    return (result.affected ?? 0) === 1;
  }

  public async revokeFamily(manager: EntityManager, familyId: string, at: Date): Promise<void> {
    await manager.getRepository(RefreshToken).update({ familyId, revokedAt: IsNull() }, { revokedAt: at });
  }

  /** The sessions of an account that still have a token that is not revoked, in a fixed order. */
  public async liveSessionsOf(manager: EntityManager, userId: string): Promise<string[]> {
    const rows: { familyId: string }[] = await manager
      .getRepository(RefreshToken)
      .createQueryBuilder('token')
      .select('DISTINCT token.family_id', 'familyId')
      .where('token.user_id = :userId AND token.revoked_at IS NULL', { userId })
      .getRawMany();
    return rows.map((row) => row.familyId).sort();
  }

  /** Revokes every session of the account, or every one but `keep` (the one changing the password). */
  public async revokeAllOfUser(
    manager: EntityManager,
    userId: string,
    at: Date,
    keep?: string,
  ): Promise<void> {
    const others = keep === undefined ? {} : { familyId: Not(keep) };
    await manager
      .getRepository(RefreshToken)
      .update({ userId, revokedAt: IsNull(), ...others }, { revokedAt: at });
  }
}
