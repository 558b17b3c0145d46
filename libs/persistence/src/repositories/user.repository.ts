import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, Repository } from 'typeorm';

import { hashNationalId } from '@onegate/config';
import type { Role } from '@onegate/domain';

import { User } from '../entities';
import { Page, PageRequest } from '../page';
import { escapeLike } from '../search-text';

export interface UserSearch extends PageRequest {
  role?: Role;
  agencyIds?: string[];
  text?: string;
}

@Injectable()
export class UserRepository {
  private readonly users: Repository<User>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.users = dataSource.getRepository(User);
  }

  public findById(id: string): Promise<User | null> {
    return this.users.findOne({ where: { id }, relations: { agency: true } });
  }

  /** Sign-in accepts an e-mail address or a 12-digit national ID number. */
  public findBySignInName(username: string): Promise<User | null> {
    const name = username.trim();
    const where = /^\d{12}$/.test(name)
      ? { nationalIdHash: hashNationalId(name) }
      : { email: name.toLowerCase() };
    return this.users.findOne({ where, relations: { agency: true } });
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

  public async update(id: string, changes: Partial<User>): Promise<void> {
    const hash =
      changes.nationalId === undefined ? {} : { nationalIdHash: nationalIdHashOf(changes.nationalId) };
    await this.users.update({ id }, { ...changes, ...hash, updatedAt: new Date() });
  }

  public async search(search: UserSearch): Promise<Page<User>> {
    const query = this.users
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.agency', 'agency')
      .orderBy('user.email', 'ASC')
      .skip((search.page - 1) * search.pageSize)
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
