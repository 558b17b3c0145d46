import { Injectable, UnauthorizedException } from '@nestjs/common';

import { AuditEventRepository, User, UserRepository } from '@onegate/persistence';

import { lockDurationMs } from './lockout-policy';
import { PasswordHasher } from './password-hasher';

/** The same answer whatever went wrong, so nobody learns whether an account exists or is locked. */
export const SIGN_IN_REFUSED = 'Wrong username or password, or too many attempts: try again later';

@Injectable()
export class SignInService {
  public constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditEventRepository,
  ) {}

  /** Checks a username (e-mail or national ID) and password; counts failures and locks accounts. */
  public async verify(username: string, password: string, ip: string | null): Promise<User> {
    const user = await this.users.findBySignInName(username);
    const passwordMatches = await this.hasher.verify(user?.passwordHash ?? null, password);
    const now = new Date();
    if (!user) {
      await this.audit.append({ type: 'sign_in_failed', ip, details: { reason: 'no_such_account' } });
      throw new UnauthorizedException(SIGN_IN_REFUSED);
    }
    if (user.lockedUntil && user.lockedUntil > now) {
      await this.audit.append({
        type: 'sign_in_failed',
        subjectId: user.id,
        ip,
        details: { reason: 'locked' },
      });
      throw new UnauthorizedException(SIGN_IN_REFUSED);
    }
    if (!passwordMatches || !user.active) {
      await this.recordFailure(user, now, ip, passwordMatches ? 'inactive' : 'wrong_password');
      throw new UnauthorizedException(SIGN_IN_REFUSED);
    }
    if (user.failedSignIns > 0 || user.lockedUntil) {
      await this.users.update(user.id, { failedSignIns: 0, lockedUntil: null });
    }
    await this.audit.append({ type: 'sign_in_succeeded', actorId: user.id, subjectId: user.id, ip });
    return user;
  }

  private async recordFailure(user: User, now: Date, ip: string | null, reason: string): Promise<void> {
    const failures = user.failedSignIns + 1;
    const lockMs = lockDurationMs(failures);
    const lockedUntil = lockMs === null ? null : new Date(now.getTime() + lockMs);
    await this.users.update(user.id, { failedSignIns: failures, lockedUntil });
    await this.audit.append({
      type: 'sign_in_failed',
      subjectId: user.id,
      ip,
      details: { reason, failures },
    });
    if (lockedUntil) {
      await this.audit.append({
        type: 'account_locked',
        subjectId: user.id,
        ip,
        details: { failures, until: lockedUntil.toISOString() },
      });
    }
  }
}
