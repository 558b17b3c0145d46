import { ConflictException, Injectable, UnauthorizedException } from '@nestjs/common';

import { AppConfig } from '@onegate/config';
import { isValidNationalId } from '@onegate/domain';
import { AuditEventRepository, isUniqueViolation, newUser, User, UserRepository } from '@onegate/persistence';

import { OidcClaims } from './oidc-client.service';

const MAX_TEXT_LENGTH = 255;

/**
 * Turns the national identity provider's claims into a OneGate citizen: the account with the same
 * national ID number, or a new one on the first sign-in. Accounts are matched by national ID only,
 * never merged by e-mail.
 */
@Injectable()
export class CitizenLinkerService {
  public constructor(
    private readonly users: UserRepository,
    private readonly audit: AuditEventRepository,
    private readonly config: AppConfig,
  ) {}

  public async link(claims: OidcClaims, ip: string | null): Promise<User> {
    const claim = this.config.oidc?.nationalIdClaim;
    const nationalId = claim ? claims[claim] : undefined;
    if (typeof nationalId !== 'string' || !isValidNationalId(nationalId)) {
      await this.refuse(null, ip, 'invalid_national_id');
      throw new UnauthorizedException(
        'The national identity provider did not give a valid national ID number',
      );
    }
    const existing = await this.users.findByNationalId(nationalId);
    const user = existing ? await this.useExisting(existing, ip) : await this.create(nationalId, claims, ip);
    await this.audit.append({
      type: 'sign_in_succeeded',
      actorId: user.id,
      subjectId: user.id,
      ip,
      details: { method: 'oidc' },
    });
    return user;
  }

  private async useExisting(user: User, ip: string | null): Promise<User> {
    if (!user.active) {
      await this.refuse(user.id, ip, 'inactive');
      throw new UnauthorizedException('This account is deactivated');
    }
    if (user.role !== 'citizen') {
      await this.refuse(user.id, ip, 'not_a_citizen');
      throw new UnauthorizedException('National identity sign-in is for citizen accounts only');
    }
    if (!(await this.wasLinkedBefore(user.id))) await this.recordLink(user.id, false, ip);
    return user;
  }

  private async create(nationalId: string, claims: OidcClaims, ip: string | null): Promise<User> {
    const fullName = textClaim(claims.name);
    const email = textClaim(claims.email)?.toLowerCase();
    if (!fullName || !email?.includes('@')) {
      await this.refuse(null, ip, 'missing_claims');
      throw new UnauthorizedException(
        'The national identity provider did not give the name and e-mail address a new account needs',
      );
    }
    if (await this.users.findByEmail(email)) return this.refuseTakenEmail(ip);
    const user = newUser({ email, nationalId, fullName, role: 'citizen' });
    try {
      await this.users.insert(user);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // Another sign-in of the same citizen may have created the account in the meantime.
      const raced = await this.users.findByNationalId(nationalId);
      return raced ? this.useExisting(raced, ip) : this.refuseTakenEmail(ip);
    }
    await this.recordLink(user.id, true, ip);
    return user;
  }

  private async wasLinkedBefore(userId: string): Promise<boolean> {
    const earlier = await this.audit.search({ page: 1, pageSize: 1, type: 'citizen_linked_by_oidc', userId });
    return earlier.total > 0;
  }

  private recordLink(userId: string, created: boolean, ip: string | null): Promise<void> {
    return this.audit.append({
      type: 'citizen_linked_by_oidc',
      actorId: userId,
      subjectId: userId,
      ip,
      details: { created },
    });
  }

  private async refuseTakenEmail(ip: string | null): Promise<never> {
    await this.refuse(null, ip, 'email_taken');
    throw new ConflictException(
      'The e-mail address given by the national identity provider belongs to another OneGate account: ' +
        'sign in to that account with its password, or contact the administration',
    );
  }

  private refuse(subjectId: string | null, ip: string | null, reason: string): Promise<void> {
    return this.audit.append({ type: 'sign_in_failed', subjectId, ip, details: { method: 'oidc', reason } });
  }
}

function textClaim(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value.trim() : '';
  return text && text.length <= MAX_TEXT_LENGTH ? text : undefined;
}
