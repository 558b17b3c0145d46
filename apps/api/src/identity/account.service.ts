import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { PasswordHasher, SessionService } from '@onegate/auth';
import { normalizeVietnamesePhone } from '@onegate/domain';
import { AuditEventRepository, noticeChannelsOf, User, UserRepository } from '@onegate/persistence';

import { AccountLinksService } from './account-links.service';

import { ChangePasswordRequest, UpdateMeRequest } from './me.dto';
import { assertAcceptablePassword } from './password-rules';
import { UserDto } from './user.dto';

/** What signed-in users do with their own account. */
@Injectable()
export class AccountService {
  public constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditEventRepository,
    private readonly links: AccountLinksService,
  ) {}

  public async me(caller: AuthenticatedUser): Promise<UserDto> {
    return UserDto.from(await this.load(caller.id), 'owner');
  }

  /**
   * Name, phone and language change at once; a new e-mail address only once the link mailed to it is
   * opened (the answer says which address is waiting for that).
   */
  public async update(caller: AuthenticatedUser, changes: UpdateMeRequest): Promise<UserDto> {
    const user = await this.load(caller.id);
    const update: Partial<User> = {};
    if (changes.language) update.language = changes.language;
    if (changes.phone) {
      update.phone = normalizeVietnamesePhone(changes.phone);
      // A new number is not verified: it needs its own code, and gets no text message until then.
      if (update.phone !== user.phone) update.phoneVerifiedAt = null;
    }
    const channels = changes.channels ?? noticeChannelsOf(user);
    const verifiedAt = 'phoneVerifiedAt' in update ? update.phoneVerifiedAt : user.phoneVerifiedAt;
    const phoneVerified = (update.phone ?? user.phone) !== null && verifiedAt !== null;
    if (changes.channels && !phoneVerified && channels.some((channel) => channel !== 'email')) {
      throw new BadRequestException({
        message: 'Invalid channels',
        details: [{ field: 'channels', problems: ['SMS and Zalo need a verified phone number'] }],
      });
    }
    // SMS and Zalo are dropped when the number changes; they are chosen again once it is verified.
    const kept = phoneVerified ? channels : channels.filter((channel) => channel === 'email');
    if (changes.channels || kept.length !== noticeChannelsOf(user).length)
      update.noticeChannels = kept.join(',');
    if (changes.fullName) update.fullName = changes.fullName;
    if (Object.keys(update).length > 0) await this.users.update(caller.id, update);
    const pendingEmail = changes.email && changes.email !== user.email ? changes.email : null;
    if (pendingEmail) {
      if (await this.users.findByEmail(pendingEmail)) {
        throw new ConflictException('This e-mail address cannot be used');
      }
      await this.links.sendVerification({ ...user, ...update }, pendingEmail);
    }
    return { ...(await this.me(caller)), pendingEmail };
  }

  /** Mails the account's address a new verification link, if it still needs one. */
  public async resendVerification(caller: AuthenticatedUser): Promise<void> {
    const user = await this.load(caller.id);
    if (user.emailVerifiedAt) throw new ConflictException('This e-mail address is verified already');
    await this.links.sendVerification(user);
  }

  /** Changing the password signs out every other session of the account (this one stays). */
  public async changePassword(caller: AuthenticatedUser, request: ChangePasswordRequest, ip: string | null) {
    const user = await this.load(caller.id);
    if (!(await this.hasher.verify(user.passwordHash, request.currentPassword))) {
      throw new BadRequestException({
        message: 'The current password is wrong',
        details: [{ field: 'currentPassword', problems: ['the current password is wrong'] }],
      });
    }
    assertAcceptablePassword(request.newPassword, user, 'newPassword');
    if (request.newPassword === request.currentPassword) {
      throw new BadRequestException({
        message: 'Invalid newPassword',
        details: [{ field: 'newPassword', problems: ['must differ from the current password'] }],
      });
    }
    await this.users.update(user.id, {
      passwordHash: await this.hasher.hash(request.newPassword),
      passwordChangeDue: false,
    });
    await this.sessions.endAllOf(user.id, caller.sessionId);
    await this.audit.append({ type: 'password_changed', actorId: user.id, subjectId: user.id, ip });
  }

  private async load(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException('No such account');
    return user;
  }
}
