import { ConflictException, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { PasswordHasher, SessionService } from '@onegate/auth';
import { normalizeVietnamesePhone } from '@onegate/domain';
import { AuditEventRepository, isUniqueViolation, User, UserRepository } from '@onegate/persistence';

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
  ) {}

  public async me(caller: AuthenticatedUser): Promise<UserDto> {
    return UserDto.from(await this.load(caller.id), 'owner');
  }

  public async update(caller: AuthenticatedUser, changes: UpdateMeRequest): Promise<UserDto> {
    const update: Partial<User> = {};
    if (changes.language) update.language = changes.language;
    if (changes.phone) update.phone = normalizeVietnamesePhone(changes.phone);
    if (changes.email) update.email = changes.email;
    await this.users.update(caller.id, update).catch((error: unknown) => {
      throw isUniqueViolation(error) ? new ConflictException('This e-mail address cannot be used') : error;
    });
    return this.me(caller);
  }

  /** Changing the password signs out every other session of the account. */
  public async changePassword(caller: AuthenticatedUser, request: ChangePasswordRequest, ip: string | null) {
    const user = await this.load(caller.id);
    if (!(await this.hasher.verify(user.passwordHash, request.currentPassword))) {
      throw new UnauthorizedException('The current password is wrong');
    }
    assertAcceptablePassword(request.newPassword, user, 'newPassword');
    await this.users.update(user.id, { passwordHash: await this.hasher.hash(request.newPassword) });
    await this.sessions.endAllOf(user.id);
    await this.audit.append({ type: 'password_changed', actorId: user.id, subjectId: user.id, ip });
  }

  private async load(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException('No such account');
    return user;
  }
}
