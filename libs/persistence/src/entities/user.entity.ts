import { randomUUID } from 'node:crypto';

import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

import { hashNationalId } from '@onegate/config';
import type { Language, Role } from '@onegate/domain';

import { Agency } from './agency.entity';
import { NationalIdColumn } from './national-id.column';
import { SealedTextColumn } from './sealed-text.column';
import { TimestampColumn } from './timestamp.column';

@Entity('users')
@Index('IDX_users_email', ['email'], { unique: true })
@Index('IDX_users_national_id_hash', ['nationalIdHash'], { unique: true })
@Index('IDX_users_agency', ['agencyId'])
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  public id!: string;

  @Column({ type: 'varchar', length: 255 })
  public email!: string;

  /** Encrypted at rest; found by nationalIdHash, which newUser and UserRepository.update keep in step. */
  @NationalIdColumn({ name: 'national_id', nullable: true })
  public nationalId!: string | null;

  @Column({ name: 'national_id_hash', type: 'varchar', length: 64, nullable: true })
  public nationalIdHash!: string | null;

  @Column({ name: 'full_name', type: 'varchar', length: 255 })
  public fullName!: string;

  /** `+84…`, sealed at rest. */
  @SealedTextColumn({ name: 'phone', nullable: true, short: true })
  public phone!: string | null;

  /** When the owner showed, with a one-time code, that `phone` is theirs; null until then (docs/text-messages.md). */
  @TimestampColumn({ name: 'phone_verified_at', nullable: true })
  public phoneVerifiedAt!: Date | null;

  /** The channels notices go out on besides the application, comma-separated: `email`, `sms`, `zns`. */
  @Column({ name: 'notice_channels', type: 'varchar', length: 32, default: 'email' })
  public noticeChannels!: string;

  @Column({ type: 'varchar', length: 16 })
  public role!: Role;

  @Column({ name: 'agency_id', type: 'varchar', length: 36, nullable: true })
  public agencyId!: string | null;

  @ManyToOne(() => Agency, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  public agency?: Agency | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  public passwordHash!: string | null;

  @Column({ type: 'varchar', length: 2 })
  public language!: Language;

  @Column({ type: 'boolean' })
  public active!: boolean;

  /** Consecutive failed sign-ins; reset by a successful one. */
  @Column({ name: 'failed_sign_ins', type: 'integer' })
  public failedSignIns!: number;

  @TimestampColumn({ name: 'locked_until', nullable: true })
  public lockedUntil!: Date | null;

  /** When the account's e-mail address was shown to be its own; null until then (docs/identity.md). */
  @TimestampColumn({ name: 'email_verified_at', nullable: true })
  public emailVerifiedAt!: Date | null;

  /** Set on a staff account an administrator gave a password to: its owner must choose their own first. */
  @Column({ name: 'password_change_due', type: 'boolean', default: false })
  public passwordChangeDue!: boolean;

  @TimestampColumn({ name: 'created_at' })
  public createdAt!: Date;

  @TimestampColumn({ name: 'updated_at' })
  public updatedAt!: Date;
}

export type NewUser = Pick<User, 'email' | 'fullName' | 'role'> & Partial<User>;

/**
 * A new, active account with no failed sign-ins, its e-mail counted as verified; callers give what is
 * particular to it (a citizen signing up, whose address is not verified yet).
 */
export function newUser(fields: NewUser, now = new Date()): User {
  return {
    id: randomUUID(),
    nationalId: null,
    phone: null,
    phoneVerifiedAt: null,
    noticeChannels: 'email',
    agencyId: null,
    passwordHash: null,
    language: 'vi',
    active: true,
    failedSignIns: 0,
    lockedUntil: null,
    emailVerifiedAt: now,
    passwordChangeDue: false,
    createdAt: now,
    updatedAt: now,
    ...fields,
    nationalIdHash: fields.nationalId ? hashNationalId(fields.nationalId) : null,
  };
}

/** The channels a notice may go out on besides the application (docs/text-messages.md). */
export const NOTICE_CHANNELS = ['email', 'sms', 'zns'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

/** The channels the account chose, in a fixed order; e-mail only when it chose nothing else. */
export function noticeChannelsOf(user: Pick<User, 'noticeChannels'>): NoticeChannel[] {
  const chosen = (user.noticeChannels ?? 'email').split(',');
  return NOTICE_CHANNELS.filter((channel) => chosen.includes(channel));
}

/** The text channels a notice really goes out on: only to a verified phone number. */
export function textChannelsOf(user: Pick<User, 'noticeChannels' | 'phone' | 'phoneVerifiedAt'>) {
  if (!user.phone || !user.phoneVerifiedAt) return [];
  return noticeChannelsOf(user).filter((channel) => channel !== 'email') as ('sms' | 'zns')[];
}
