import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { PasswordHasher, SessionService } from '@onegate/auth';
import {
  AgencyRepository,
  AuditEventRepository,
  isUniqueViolation,
  newUser,
  User,
  UserRepository,
} from '@onegate/persistence';
import type { NewAuditEvent } from '@onegate/persistence';

import { mapPage, PageDto } from '../catalogue/catalogue.dto';
import { assertAcceptablePassword } from './password-rules';
import { CreateStaffRequest, UpdateUserRequest, UserQuery } from './staff.dto';
import { UserDto } from './user.dto';

/** Administrators manage staff accounts: create, change role or agency, deactivate. */
@Injectable()
export class StaffService {
  public constructor(
    private readonly users: UserRepository,
    private readonly agencies: AgencyRepository,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly audit: AuditEventRepository,
  ) {}

  public async list(query: UserQuery): Promise<PageDto<UserDto>> {
    const agencyIds = query.agency ? [(await this.agencyByCode(query.agency, 'agency')).id] : undefined;
    const page = await this.users.search({ ...query, text: query.q, agencyIds });
    return mapPage(page, (user) => UserDto.from(user, 'staff'));
  }

  public async get(id: string): Promise<UserDto> {
    return UserDto.from(await this.load(id), 'staff');
  }

  public async create(admin: AuthenticatedUser, request: CreateStaffRequest): Promise<UserDto> {
    assertAcceptablePassword(request.password, request);
    const agency = await this.agencyByCode(request.agencyCode, 'agencyCode');
    const staff = newUser({
      email: request.email,
      fullName: request.fullName,
      role: request.role,
      agencyId: agency.id,
      passwordHash: await this.hasher.hash(request.password),
      passwordChangeDue: true,
    });
    const id = staff.id;
    await this.users.insert(staff).catch((error: unknown) => {
      throw isUniqueViolation(error)
        ? new ConflictException('An account with this e-mail already exists')
        : error;
    });
    await this.record(admin, {
      type: 'staff_created',
      subjectId: id,
      details: { role: request.role, agency: agency.code },
    });
    return this.get(id);
  }

  public async update(admin: AuthenticatedUser, id: string, request: UpdateUserRequest): Promise<UserDto> {
    const user = await this.load(id);
    if (user.id === admin.id && (request.active === false || (request.role && request.role !== 'admin'))) {
      throw new ConflictException('Administrators cannot deactivate or demote themselves');
    }
    const changes: Partial<User> = {};
    const events: NewAuditEvent[] = [];
    if (request.role && request.role !== user.role) {
      if ((request.role === 'citizen') !== (user.role === 'citizen')) {
        throw new BadRequestException({
          message: 'Invalid role',
          details: [
            { field: 'role', problems: ['citizen and staff accounts cannot be turned into each other'] },
          ],
        });
      }
      changes.role = request.role;
      events.push({ type: 'role_changed', subjectId: id, details: { from: user.role, to: request.role } });
    }
    if (request.agencyCode && request.agencyCode !== user.agency?.code) {
      if (user.role === 'citizen') throw new BadRequestException('Citizens do not belong to an agency');
      changes.agencyId = (await this.agencyByCode(request.agencyCode, 'agencyCode')).id;
      events.push({
        type: 'agency_changed',
        subjectId: id,
        details: { from: user.agency?.code ?? null, to: request.agencyCode },
      });
    }
    if (request.active !== undefined && request.active !== user.active) {
      changes.active = request.active;
      events.push({ type: request.active ? 'account_reactivated' : 'account_deactivated', subjectId: id });
    }
    if (request.password !== undefined) {
      if (user.role === 'citizen') throw new BadRequestException('Citizens reset their own password');
      assertAcceptablePassword(request.password, user);
      changes.passwordHash = await this.hasher.hash(request.password);
      changes.passwordChangeDue = true;
      events.push({ type: 'password_reset', subjectId: id, details: { by: 'admin' } });
    }
    if (events.length === 0) return UserDto.from(user, 'staff');
    await this.users.update(id, changes);
    if (changes.active === false || changes.passwordHash) await this.sessions.endAllOf(id);
    for (const event of events) await this.record(admin, event);
    return this.get(id);
  }

  private record(admin: AuthenticatedUser, event: NewAuditEvent): Promise<void> {
    return this.audit.append({ ...event, actorId: admin.id });
  }

  private async load(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw new NotFoundException('No such account');
    return user;
  }

  private async agencyByCode(code: string, field: string) {
    const agency = await this.agencies.findByCode(code);
    if (!agency) {
      throw new BadRequestException({
        message: `Invalid ${field}`,
        details: [{ field, problems: [`no agency ${code}`] }],
      });
    }
    return agency;
  }
}
