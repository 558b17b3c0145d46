import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, Repository } from 'typeorm';

import { hashNationalId } from '@onegate/config';
import type { Role } from '@onegate/domain';

import { User } from '../entities';
import type { SessionChannel } from '../entities';
import { firstOrNull } from '../first-or-null';
import { PreparedSelect } from '../prepared-select';
import { Page, pageOffset, PageRequest } from '../page';
import { escapeLike } from '../search-text';

export interface UserSearch extends PageRequest {
  role?: Role;
  agencyIds?: string[];
  text?: string;
}

/** What every signed-in request needs to know of its account. */
export interface SessionAccount extends Pick<User, 'id' | 'role' | 'agencyId' | 'passwordChangeDue'> {
  emailVerified: boolean;
}

interface SessionAccountRow {
  id: string;
  role: Role;
  agency_id: string | null;
  email_verified_at: string | number | null;
  password_change_due: boolean | number;
}

@Injectable()
export class UserRepository {
  private readonly users: Repository<User>;

  // Find options rather than findOne(): with a join, findOne's LIMIT costs an extra query for the distinct ids.
  private readonly byId: PreparedSelect<User, 'id'>;

  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.users = dataSource.getRepository(User);
    this.byId = PreparedSelect.find(dataSource, User, ['id'], ({ id }) => ({
      where: { id },
      relations: { agency: true },
    }));
  }

  public findById(id: string): Promise<User | null> {
    return this.byId.getMany({ id }).then(firstOrNull);
  }

  /**
   * The account behind an access token, in one query: only if it is active and its session (refresh
   * token family) is its own, of the token's channel, and still has a token that is neither revoked
   * nor expired. Plain SQL: it runs on every signed-in request, and building it with the query builder
   * cost more CPU than running it.
   */
  public async findActiveInLiveSession(
    id: string,
    sessionId: string,
    channel: SessionChannel,
    now: Date,
  ): Promise<SessionAccount | null> {
    const [sql, parameters] = this.dataSource.driver.escapeQueryWithParameters(
      `SELECT id, role, agency_id, email_verified_at, password_change_due FROM users
       WHERE id = :id AND active = TRUE
         AND EXISTS (SELECT 1 FROM refresh_tokens WHERE family_id = :sessionId AND user_id = :id
                     AND channel = :channel AND revoked_at IS NULL AND expires_at > :now)`,
      { id, sessionId, channel, now: now.getTime() },
    );
    const rows: SessionAccountRow[] = await this.dataSource.query(sql, parameters);
    const row = rows[0];
    if (!row) return null;
    return {
      id: row.id,
      role: row.role,
      agencyId: row.agency_id,
      emailVerified: row.email_verified_at !== null,
      // SQLite answers 0 or 1.
      passwordChangeDue: Boolean(row.password_change_due),
    };
  }

  /** Sign-in accepts an e-mail address or a 12-digit national ID number. */
  public findBySignInName(username: string): Promise<User | null> {
    const name = username.trim();
    const where = /^\d{12}$/.test(name)
      ? { nationalIdHash: hashNationalId(name) }
      : { email: name.toLowerCase() };
    return this.users.find({ where, relations: { agency: true } }).then(firstOrNull);
  }

  public findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: email.toLowerCase() });
  }

  public findByNationalId(nationalId: string): Promise<User | null> {
    return this.users.findOneBy({ nationalIdHash: hashNationalId(nationalId) });
  }

  public async insert(user: User): Promise<void> {
    await this.users.insert(user);
  }

  /** Holds the account's row until the transaction ends: what is counted per account cannot change meanwhile. */
  public async hold(manager: EntityManager, id: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(User)
      .set({ updatedAt: () => 'updated_at' })
      .where('id = :id', { id })
      .execute();
  }

  public async update(id: string, changes: Partial<User>): Promise<void> {
    const hash =
      changes.nationalId === undefined ? {} : { nationalIdHash: nationalIdHashOf(changes.nationalId) };
    await this.users.update({ id }, { ...changes, ...hash, updatedAt: new Date() });
  }

  /** The active staff of a step's unit: an agency's clerks, or its supervisors. */
  public activeStaffOf(agencyId: string, role: 'clerk' | 'supervisor'): Promise<User[]> {
    return this.users.find({ where: { agencyId, role, active: true }, order: { fullName: 'ASC' } });
  }

  /** The active clerks of one agency. */
  public activeClerksOf(agencyId: string): Promise<User[]> {
    return this.users.findBy({ agencyId, role: 'clerk', active: true });
  }

  public async search(search: UserSearch): Promise<Page<User>> {
    const query = this.users
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.agency', 'agency')
      .orderBy('user.email', 'ASC')
      .skip(pageOffset(search))
      .take(search.pageSize);
    if (search.role) query.andWhere('user.role = :role', { role: search.role });
    if (search.agencyIds)
      query.andWhere('user.agency_id IN (:...agencyIds)', { agencyIds: search.agencyIds });
    if (search.text) {
      const pattern = `%${escapeLike(search.text.toLowerCase())}%`;
      query.andWhere(
        new Brackets((any) =>
          any
            .where(`LOWER(user.email) LIKE :pattern ESCAPE '\\'`, { pattern })
            .orWhere(`LOWER(user.full_name) LIKE :pattern ESCAPE '\\'`, { pattern }),
        ),
      );
    }
    const [items, total] = await query.getManyAndCount();
    return { items, total, page: search.page, pageSize: search.pageSize };
  }
}

const nationalIdHashOf = (nationalId: string | null) => (nationalId ? hashNationalId(nationalId) : null);
