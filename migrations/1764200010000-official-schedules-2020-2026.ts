import type { OfficialDayRow } from './1764100006000-official-days-2025-2026';

/*
 * Frozen with AddCalendarSchedules1764200010000: the official schedules of 2020-2026 and the official days
 * of 2020-2024 exactly as that migration inserted them. Corrections to the calendar go to a new migration,
 * never here: a migration replays history.
 */

/** A year whose official schedule is loaded, and the notices it comes from. */
export interface OfficialScheduleRow {
  readonly year: number;
  readonly source: string;
}

const LABOUR_CODE_COMPENSATION = 'Bộ luật Lao động 2019, khoản 3 Điều 111 (nghỉ bù)';

export const OFFICIAL_SCHEDULES_2020_2026: readonly OfficialScheduleRow[] = [
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
];

export const OFFICIAL_DAYS_2020_2024: readonly OfficialDayRow[] = [
  // Tết Canh Tý 2020: 23/1-29/1 (29 Chạp Kỷ Hợi to mùng 5 Canh Tý); mùng 1 and 2 fall on Saturday 25/1 and
  // Sunday 26/1, so 28/1 and 29/1 are compensatory days. Thông báo 4544/TB-LĐTBXH of 25/10/2019 (Ministry
  // of Labour, Invalids and Social Affairs). New Year, Hùng Kings (2/4), 30/4, 1/5 and National Day (2/9,
  // one day under Labour Code 2012) all fall on weekdays: nothing else differs.
  { date: '2020-01-23', kind: 'day_off', reason: 'Tết Nguyên Đán (29 tháng Chạp Kỷ Hợi)' },
  { date: '2020-01-29', kind: 'day_off', reason: 'nghỉ bù Tết Nguyên Đán (mùng 5 tháng Giêng Canh Tý)' },

  // Tết Tân Sửu 2021: 10/2-16/2 (29 Chạp Canh Tý to mùng 5 Tân Sửu); mùng 2 and 3 fall on Saturday 13/2
  // and Sunday 14/2, so 15/2 and 16/2 are compensatory days. National Day 2021: 2/9 and Friday 3/9, four
  // days off from 2/9 to 5/9. Thông báo 4875/TB-LĐTBXH (Ministry of Labour, Invalids and Social Affairs,
  // late 2020), on the Prime Minister's approval.
  { date: '2021-02-10', kind: 'day_off', reason: 'Tết Nguyên Đán (29 tháng Chạp Canh Tý)' },
  { date: '2021-02-16', kind: 'day_off', reason: 'nghỉ bù Tết Nguyên Đán (mùng 5 tháng Giêng Tân Sửu)' },
  { date: '2021-09-03', kind: 'day_off', reason: 'Quốc khánh (ngày nghỉ liền kề sau 2/9)' },

  // 1/5/2021 falls on a Saturday: Monday 3/5 is the compensatory day, four days off from 30/4 to 3/5
  // (Labour Code 2019 art. 111(3); same dates in Thông báo 4875/TB-LĐTBXH).
  { date: '2021-05-03', kind: 'day_off', reason: 'nghỉ bù Quốc tế Lao động (trùng thứ Bảy 01/05/2021)' },

  // New Year 2022 (Saturday 1/1), Hùng Kings 2022 (10/3 Nhâm Dần, Sunday 10/4), 30/4 and 1/5/2022 (Saturday
  // and Sunday) fall on weekends: compensatory days on Monday 3/1, Monday 11/4, Monday 2/5 and Tuesday 3/5
  // (Labour Code 2019 art. 111(3)). Tết Nhâm Dần 31/1-4/2/2022 is exactly the statutory eve + 4 days.
  { date: '2022-01-03', kind: 'day_off', reason: 'nghỉ bù Tết Dương lịch (trùng thứ Bảy 01/01/2022)' },
  { date: '2022-04-11', kind: 'day_off', reason: 'nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật 10/04/2022)' },
  {
    date: '2022-05-02',
    kind: 'day_off',
    reason: 'nghỉ bù ngày Giải phóng miền Nam (trùng thứ Bảy 30/04/2022)',
  },
  { date: '2022-05-03', kind: 'day_off', reason: 'nghỉ bù Quốc tế Lao động (trùng Chủ nhật 01/05/2022)' },

  // National Day 2022: Thursday 1/9 and Friday 2/9, four days off from 1/9 to 4/9. Công văn 245/VPCP-KGVX
  // of 11/1/2022 (Deputy Prime Minister's approval; it also fixes Tết 31/1-4/2/2022).
  { date: '2022-09-01', kind: 'day_off', reason: 'Quốc khánh (ngày nghỉ liền kề trước 2/9)' },

  // New Year 2023 falls on Sunday 1/1: Monday 2/1 is the compensatory day (Labour Code 2019 art. 111(3)).
  { date: '2023-01-02', kind: 'day_off', reason: 'nghỉ bù Tết Dương lịch (trùng Chủ nhật 01/01/2023)' },

  // Tết Quý Mão 2023: 20/1-26/1 (29 Chạp Nhâm Dần to mùng 5 Quý Mão), five Tết days and two compensatory
  // days. National Day 2023: Friday 1/9 and Saturday 2/9, with Monday 4/9 as compensatory day, four days
  // off from 1/9 to 4/9. Công văn 8056/VPCP-KGVX of 1/12/2022 (Deputy Prime Minister's approval).
  { date: '2023-01-20', kind: 'day_off', reason: 'Tết Nguyên Đán (29 tháng Chạp Nhâm Dần)' },
  { date: '2023-01-26', kind: 'day_off', reason: 'nghỉ bù Tết Nguyên Đán (mùng 5 tháng Giêng Quý Mão)' },
  { date: '2023-09-01', kind: 'day_off', reason: 'Quốc khánh (ngày nghỉ liền kề trước 2/9)' },
  { date: '2023-09-04', kind: 'day_off', reason: 'nghỉ bù Quốc khánh (trùng thứ Bảy 02/09/2023)' },

  // Hùng Kings 2023 (10/3 Quý Mão) is Saturday 29/4 and 30/4 is a Sunday: Tuesday 2/5 and Wednesday 3/5 are
  // the compensatory days, five days off from 29/4 to 3/5 with no make-up working day (Labour Code 2019
  // art. 111(3)).
  { date: '2023-05-02', kind: 'day_off', reason: 'nghỉ bù Giỗ Tổ Hùng Vương (trùng thứ Bảy 29/04/2023)' },
  {
    date: '2023-05-03',
    kind: 'day_off',
    reason: 'nghỉ bù ngày Giải phóng miền Nam (trùng Chủ nhật 30/04/2023)',
  },

  // Tết Giáp Thìn 2024: 8/2-14/2 (29 Chạp Quý Mão to mùng 5 Giáp Thìn), five Tết days and two compensatory
  // days. National Day 2024: 2/9 and Tuesday 3/9, four days off from 31/8 to 3/9. Công văn 8662/VPCP-KGVX of
  // 3/11/2023 (Prime Minister's approval) and Thông báo 5015/TB-LĐTBXH of 22/11/2023.
  { date: '2024-02-08', kind: 'day_off', reason: 'Tết Nguyên Đán (29 tháng Chạp Quý Mão)' },
  { date: '2024-02-14', kind: 'day_off', reason: 'nghỉ bù Tết Nguyên Đán (mùng 5 tháng Giêng Giáp Thìn)' },
  { date: '2024-09-03', kind: 'day_off', reason: 'Quốc khánh (ngày nghỉ liền kề sau 2/9)' },

  // 30/4-1/5/2024: Monday 29/4 swapped with Saturday 4/5, five days off from 27/4 to 1/5. Công văn
  // 2450/VPCP-KGVX of 12/4/2024 (Prime Minister's approval).
  { date: '2024-04-29', kind: 'day_off', reason: 'nghỉ lễ 30/4-1/5, hoán đổi với thứ Bảy 04/05/2024' },
  { date: '2024-05-04', kind: 'working_day', reason: 'làm bù cho thứ Hai 29/04/2024 (nghỉ lễ 30/4-1/5)' },
];
