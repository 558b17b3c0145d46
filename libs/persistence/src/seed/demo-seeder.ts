import { randomUUID } from 'node:crypto';

import { hash } from '@node-rs/argon2';
import type { DataSource, EntityManager } from 'typeorm';

import { DEFAULT_FEE_DUE, DEFAULT_RETENTION_DAYS } from '@onegate/domain';

import { Agency, newUser, Procedure, ProcedureStep, User } from '../entities';
import { toSearchText } from '../search-text';
import { DEMO_AGENCIES } from './demo-agencies';
import { DEMO_PROCESSES } from './demo-processes';
import { DEMO_PROCEDURES } from './demo-procedures';
import { DEMO_USERS } from './demo-users';

const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const DEFAULT_OFFICE_HOURS = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];

export interface SeedResult {
  seeded: boolean;
}

/**
 * Fills an empty database with the demo catalogue and, when a password is given, the demo accounts.
 * A database that already has agencies is left untouched.
 */
export async function seedDemoData(dataSource: DataSource, demoPassword: string | null): Promise<SeedResult> {
  const passwordHash = demoPassword ? await hash(demoPassword) : null;
  return dataSource.transaction(async (manager) => {
    if ((await manager.count(Agency)) > 0) return { seeded: false };
    const agencyIds = await insertAgencies(manager);
    await insertProcedures(manager, agencyIds);
    if (passwordHash) await insertUsers(manager, agencyIds, passwordHash);
    return { seeded: true };
  });
}

async function insertAgencies(manager: EntityManager): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const seed of DEMO_AGENCIES) {
    const id = randomUUID();
    ids.set(seed.code, id);
    await manager.insert(Agency, {
      id,
      code: seed.code,
      parentId: seed.parentCode ? ids.get(seed.parentCode)! : null,
      level: seed.level,
      nameVi: seed.nameVi,
      nameEn: seed.nameEn,
      timeZone: DEFAULT_TIME_ZONE,
      officeHours: DEFAULT_OFFICE_HOURS,
      createdAt: new Date(),
    });
  }
  return ids;
}

async function insertProcedures(manager: EntityManager, agencyIds: Map<string, string>): Promise<void> {
  const now = new Date();
  for (const { agencyCode, ...seed } of DEMO_PROCEDURES) {
    const procedureId = randomUUID();
    await manager.insert(Procedure, {
      feeDue: DEFAULT_FEE_DUE,
      ...seed,
      id: procedureId,
      agencyId: agencyIds.get(agencyCode)!,
      resultTemplate: null,
      retentionDays: DEFAULT_RETENTION_DAYS,
      searchText: toSearchText(`${seed.code} ${seed.nameVi} ${seed.nameEn} ${seed.field}`),
      retiredAt: null,
      createdAt: now,
      updatedAt: now,
    });
    await manager.insert(
      ProcedureStep,
      (DEMO_PROCESSES[seed.code] ?? []).map(({ holderAgencyCode, ...step }, index) => ({
        ...step,
        id: randomUUID(),
        procedureId,
        position: index + 1,
        holderAgencyId: holderAgencyCode ? agencyIds.get(holderAgencyCode)! : null,
      })),
    );
  }
}

async function insertUsers(manager: EntityManager, agencyIds: Map<string, string>, passwordHash: string) {
  for (const { agencyCode, ...seed } of DEMO_USERS) {
    await manager.insert(
      User,
      newUser({ ...seed, agencyId: agencyCode ? agencyIds.get(agencyCode)! : null, passwordHash }),
    );
  }
}
