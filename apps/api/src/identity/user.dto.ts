import { ApiProperty } from '@nestjs/swagger';

import { LANGUAGES, maskNationalId, ROLES } from '@onegate/domain';
import type { Language, Role } from '@onegate/domain';
import { NOTICE_CHANNELS, noticeChannelsOf, User } from '@onegate/persistence';
import type { NoticeChannel } from '@onegate/persistence';

export class UserDto {
  @ApiProperty() public id!: string;
  @ApiProperty() public email!: string;
  @ApiProperty({ nullable: true, type: String, description: 'In full for the owner, masked for staff' })
  public nationalId!: string | null;
  @ApiProperty() public fullName!: string;
  @ApiProperty({ nullable: true, type: String }) public phone!: string | null;
  @ApiProperty({ enum: ROLES }) public role!: Role;
  @ApiProperty({ nullable: true, type: String }) public agencyCode!: string | null;
  @ApiProperty({ enum: LANGUAGES }) public language!: Language;
  @ApiProperty() public active!: boolean;
  @ApiProperty() public emailVerified!: boolean;
  @ApiProperty({ description: "The phone number was shown to be the owner's with a code sent by SMS" })
  public phoneVerified!: boolean;
  @ApiProperty({
    enum: NOTICE_CHANNELS,
    isArray: true,
    description: 'Where notices go besides the application',
  })
  public channels!: NoticeChannel[];
  @ApiProperty({ description: 'An administrator set the password; its owner must change it first' })
  public passwordChangeDue!: boolean;
  @ApiProperty({
    required: false,
    nullable: true,
    type: String,
    description: 'A new e-mail address waiting for its link to be opened (answer to PATCH /api/me)',
  })
  public pendingEmail?: string | null;

  /** The owner sees their national ID number; anyone else sees only its last four digits. */
  public static from(user: User, viewer: 'owner' | 'staff'): UserDto {
    return {
      id: user.id,
      email: user.email,
      nationalId: user.nationalId && viewer === 'staff' ? maskNationalId(user.nationalId) : user.nationalId,
      fullName: user.fullName,
      phone: user.phone,
      role: user.role,
      agencyCode: user.agency?.code ?? null,
      language: user.language,
      active: user.active,
      emailVerified: user.emailVerifiedAt !== null,
      phoneVerified: user.phone !== null && user.phoneVerifiedAt !== null,
      channels: noticeChannelsOf(user),
      passwordChangeDue: user.passwordChangeDue,
    };
  }
}
