import { ConflictException, Injectable } from '@nestjs/common';

import { IssuedSession, PasswordHasher, SessionService } from '@onegate/auth';
import { normalizeVietnamesePhone } from '@onegate/domain';
import { AuditEventRepository, isUniqueViolation, newUser, UserRepository } from '@onegate/persistence';
import type { SessionChannel } from '@onegate/persistence';

import { AccountLinksService } from './account-links.service';
import { RegisterRequest } from './auth.dto';
import { assertAcceptablePassword } from './password-rules';

@Injectable()
export class RegistrationService {
  public constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditEventRepository,
    private readonly links: AccountLinksService,
  ) {}

  /**
   * Creates a citizen account and signs it in: an API session, or a web one for the portal. The
   * address is verified by the link mailed to it.
   */
  public async register(
    request: RegisterRequest,
    ip: string | null,
    channel: SessionChannel = 'api',
  ): Promise<IssuedSession> {
    assertAcceptablePassword(request.password, request);
    const taken =
      (await this.users.findByEmail(request.email)) ??
      (await this.users.findByNationalId(request.nationalId));
    if (taken) throw conflict();
    const user = newUser({
      email: request.email,
      nationalId: request.nationalId,
      fullName: request.fullName,
      phone: normalizeVietnamesePhone(request.phone),
      role: 'citizen',
      passwordHash: await this.hasher.hash(request.password),
      language: request.language ?? 'vi',
      emailVerifiedAt: (await this.links.canVerify()) ? null : new Date(),
    });
    await this.users.insert(user).catch((error: unknown) => {
      throw isUniqueViolation(error) ? conflict() : error;
    });
    await this.audit.append({ type: 'citizen_registered', actorId: user.id, subjectId: user.id, ip });
    if (!user.emailVerifiedAt) await this.links.sendVerification(user);
    return this.sessions.start(user, channel);
  }
}

const conflict = () =>
  new ConflictException('An account with this e-mail or national ID number already exists');
