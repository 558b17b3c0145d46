import { ConflictException, Injectable } from '@nestjs/common';

import { IssuedSession, PasswordHasher, SessionService } from '@onegate/auth';
import { normalizeVietnamesePhone } from '@onegate/domain';
import { AuditEventRepository, isUniqueViolation, newUser, UserRepository } from '@onegate/persistence';
import type { SessionChannel } from '@onegate/persistence';

import { RegisterRequest } from './auth.dto';
import { assertAcceptablePassword } from './password-rules';

@Injectable()
export class RegistrationService {
  public constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditEventRepository,
  ) {}

  /** Creates a citizen account and signs it in: an API session, or a web one for the portal. */
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
    });
    await this.users.insert(user).catch((error: unknown) => {
      throw isUniqueViolation(error) ? conflict() : error;
    });
    await this.audit.append({ type: 'citizen_registered', actorId: user.id, subjectId: user.id, ip });
    return this.sessions.start(user, channel);
  }
}

const conflict = () =>
  new ConflictException('An account with this e-mail or national ID number already exists');
