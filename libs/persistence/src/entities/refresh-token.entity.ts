import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { TimestampColumn } from './timestamp.column';
import { User } from './user.entity';

export type SessionChannel = 'api' | 'web';

/**
 * One refresh token, stored only as its SHA-256. Tokens of one sign-in share a family; each use
 * spends the token and issues the next one in the family.
 */
@Entity('refresh_tokens')
@Index('IDX_refresh_tokens_hash', ['tokenHash'], { unique: true })
@Index('IDX_refresh_tokens_family', ['familyId'])
@Index('IDX_refresh_tokens_user', ['userId'])
export class RefreshToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ name: 'family_id', type: 'varchar', length: 36 })
  public familyId!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  public userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  public user?: User;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  public tokenHash!: string;

  @Column({ type: 'varchar', length: 8 })
  public channel!: SessionChannel;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;

  @TimestampColumn({ name: 'expires_at' })
  public expiresAt!: Date;

  @TimestampColumn({ name: 'used_at', nullable: true })
  public usedAt!: Date | null;

  @TimestampColumn({ name: 'revoked_at', nullable: true })
  public revokedAt!: Date | null;
}
