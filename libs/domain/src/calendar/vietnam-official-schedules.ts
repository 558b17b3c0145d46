import type { DayOverride } from './day-overrides';
import { VIETNAM_DAY_OVERRIDES_2020_2024 } from './vietnam-day-overrides-2020-2024';
import { VIETNAM_DAY_OVERRIDES_2025_2026 } from './vietnam-day-overrides';

/** A year whose official schedule of days off is known, and the notices it comes from. */
export interface OfficialSchedule {
  readonly year: number;
  readonly source: string;
}

const LABOUR_CODE_COMPENSATION = 'Bộ luật Lao động 2019, khoản 3 Điều 111 (nghỉ bù)';

/** The years shipped with OneGate; each entry's dates and notices are in the override tables. */
export const VIETNAM_OFFICIAL_SCHEDULES: readonly OfficialSchedule[] = Object.freeze([
  { year: 2020, source: 'Thông báo 4544/TB-LĐTBXH ngày 25/10/2019 (Tết Canh Tý); Bộ luật Lao động 2012' },
  {
    year: 2021,
    source: `Thông báo 4875/TB-LĐTBXH (Tết Tân Sửu, Quốc khánh); ${LABOUR_CODE_COMPENSATION}`,
  },
  {
    year: 2022,
    source: `Công văn 245/VPCP-KGVX ngày 11/01/2022 (Tết Nhâm Dần, Quốc khánh); ${LABOUR_CODE_COMPENSATION}`,
  },
  {
    year: 2023,
    source: `Công văn 8056/VPCP-KGVX ngày 01/12/2022 (Tết Quý Mão, Quốc khánh); ${LABOUR_CODE_COMPENSATION}`,
  },
  {
    year: 2024,
    source:
      'Công văn 8662/VPCP-KGVX ngày 03/11/2023 và Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 (Tết Giáp Thìn, ' +
      'Quốc khánh); Công văn 2450/VPCP-KGVX ngày 12/04/2024 (30/4-1/5)',
  },
  { year: 2025, source: 'Công văn 8726/VPCP-KGVX ngày 26/11/2024; Thông báo 6150/TB-LĐTBXH ngày 03/12/2024' },
  {
    year: 2026,
    source:
      'Thông báo 9441/TB-BNV ngày 16/10/2025; Công văn 12729/VPCP-KGVX ngày 25/12/2025 (Tết Dương lịch); ' +
      LABOUR_CODE_COMPENSATION,
  },
] satisfies OfficialSchedule[]);

/** Every shipped official day off and make-up working day, 2020 to 2026. */
export const VIETNAM_DAY_OVERRIDES: readonly DayOverride[] = Object.freeze([
  ...VIETNAM_DAY_OVERRIDES_2020_2024,
  ...VIETNAM_DAY_OVERRIDES_2025_2026,
]);
