import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { TimestampColumn } from './timestamp.column';
import { User } from './user.entity';

export type AccountTokenPurpose = 'verify_email' | 'reset_password';

/**
 * A single-use link sent by e-mail, stored only as the SHA-256 of its random token: an address to
 * verify (`email`, the account's or a new one it asked for) or a password to reset.
 */
@Entity('account_tokens')
@Index('IDX_account_tokens_hash', ['tokenHash'], { unique: true })
@Index('IDX_account_tokens_user', ['userId'])
export class AccountToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  public userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  public user?: User;

  @Column({ type: 'varchar', length: 16 })
  public purpose!: AccountTokenPurpose;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  public tokenHash!: string;

  @Column({ type: 'varchar', length: 255, nullable: true })
  public email!: string | null;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;

  @TimestampColumn({ name: 'expires_at' })
  public expiresAt!: Date;

  @TimestampColumn({ name: 'used_at', nullable: true })
  public usedAt!: Date | null;
}
