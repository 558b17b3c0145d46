import type { Role } from '@onegate/domain';

export interface UserSeed {
  email: string;
  role: Role;
  fullName: string;
  agencyCode: string | null;
  nationalId: string | null;
}

/** One demo account per role; all share the configured DEMO_PASSWORD and exist only outside production. */
export const DEMO_USERS: UserSeed[] = [
  {
    email: 'admin@demo.onegate.vn',
    role: 'admin',
    fullName: 'Quản trị viên',
    agencyCode: 'QN',
    nationalId: null,
  },
  {
    email: 'supervisor@demo.onegate.vn',
    role: 'supervisor',
    fullName: 'Trần Thị Giám Sát',
    agencyCode: 'QN',
    nationalId: null,
  },
  {
    email: 'clerk@demo.onegate.vn',
    role: 'clerk',
    fullName: 'Lê Văn Một Cửa',
    agencyCode: 'QN-HL',
    nationalId: null,
  },
  {
    email: 'thue@demo.onegate.vn',
    role: 'clerk',
    fullName: 'Phạm Thị Thuế',
    agencyCode: 'QN-THUE-HL',
    nationalId: null,
  },
  {
    email: 'citizen@demo.onegate.vn',
    role: 'citizen',
    fullName: 'Nguyễn Văn A',
    agencyCode: null,
    nationalId: '022090001234',
  },
];
