import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';

import { PasswordHasher, SessionService } from '@onegate/auth';
import { AppConfig } from '@onegate/config';
import { AccountMailer } from '@onegate/notifications';
import {
  AccountTokenRepository,
  AuditEventRepository,
  isUniqueViolation,
  User,
  UserRepository,
} from '@onegate/persistence';
import { Clock } from '@onegate/platform';

import { assertAcceptablePassword } from './password-rules';

/** A password-reset link is valid this long (docs/identity.md, "Recovering an account"). */
export const RESET_LINK_MINUTES = 30;

const linkRefused = () =>
  new BadRequestException({
    message: 'This link is not valid: it was used already, has expired or never existed',
    details: [{ field: 'token', problems: ['the link is used, expired or unknown'] }],
  });

/** The single-use links sent by e-mail: verifying an address, resetting a forgotten password. */
@Injectable()
export class AccountLinksService {
  public constructor(
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly tokens: AccountTokenRepository,
    private readonly users: UserRepository,
    private readonly mailer: AccountMailer,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditEventRepository,
  ) {}

  /** Whether addresses can be verified: without outgoing mail, nobody could ever receive the link. */
  public canVerify(): Promise<boolean> {
    return this.mailer.isEnabled();
  }

  /** Mails a verification link to `email` (the account's own, or the new one it asked for). */
  public async sendVerification(user: User, email = user.email): Promise<void> {
    const now = this.clock.now();
    await this.tokens.retire(user.id, 'verify_email', now);
    const token = await this.tokens.issue(
      { userId: user.id, purpose: 'verify_email', email },
      now,
      this.config.emailVerificationMs,
    );
    this.mailer.sendInBackground({
      kind: 'verify_email',
      to: email,
      recipientName: user.fullName,
      language: user.language,
      path: '/verify-email',
      token,
      values: { validHours: Math.round(this.config.emailVerificationMs / 3_600_000) },
    });
  }

  /** Spends the link and marks its address verified, taking it as the account's e-mail if it is new. */
  public async verifyEmail(token: string, ip: string | null): Promise<void> {
    const now = this.clock.now();
    const spent = await this.tokens.spend(token, 'verify_email', now);
    if (!spent?.email) throw linkRefused();
    await this.users
      .update(spent.userId, { email: spent.email, emailVerifiedAt: now })
      .catch((error: unknown) => {
        throw isUniqueViolation(error)
          ? new ConflictException('This e-mail address now belongs to another account')
          : error;
      });
    await this.audit.append({ type: 'email_verified', actorId: spent.userId, subjectId: spent.userId, ip });
  }

  /**
   * Answers at once and does the rest in the background, so that neither the answer nor its timing
   * says whether an account has this address.
   */
  public requestPasswordReset(email: string, ip: string | null): void {
    this.mailPasswordReset(email, ip).catch(() => undefined);
  }

  /** Sets the new password if the link is still good, then signs the account out everywhere. */
  public async resetPassword(token: string, password: string, ip: string | null): Promise<void> {
    const now = this.clock.now();
    const open = await this.tokens.findOpen(token, 'reset_password', now);
    const user = open ? await this.users.findById(open.userId) : null;
    if (!open || !user?.active) throw linkRefused();
    assertAcceptablePassword(password, user);
    if (!(await this.tokens.spend(token, 'reset_password', now))) throw linkRefused();
    await this.users.update(user.id, {
      passwordHash: await this.hasher.hash(password),
      passwordChangeDue: false,
      failedSignIns: 0,
      lockedUntil: null,
    });
    await this.tokens.retire(user.id, 'reset_password', now);
    await this.sessions.endAllOf(user.id);
    await this.audit.append({ type: 'password_reset', actorId: user.id, subjectId: user.id, ip });
  }

  private async mailPasswordReset(email: string, ip: string | null): Promise<void> {
    const user = await this.users.findByEmail(email);
    if (!user?.active || !user.passwordHash) return;
    const now = this.clock.now();
    await this.tokens.retire(user.id, 'reset_password', now);
    const token = await this.tokens.issue(
      { userId: user.id, purpose: 'reset_password', email: user.email },
      now,
      RESET_LINK_MINUTES * 60_000,
    );
    await this.audit.append({ type: 'password_reset_requested', actorId: null, subjectId: user.id, ip });
    this.mailer.sendInBackground({
      kind: 'reset_password',
      to: user.email,
      recipientName: user.fullName,
      language: user.language,
      path: '/reset-password',
      token,
      values: { validMinutes: RESET_LINK_MINUTES },
    });
  }
}
