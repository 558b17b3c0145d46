import type { DayOverride } from './day-overrides';

/**
 * The official 2020-2024 schedules for civil servants (cán bộ, công chức, viên chức) that differ from the
 * statutory holidays computed by `vietnamPublicHolidays`, so that historical imports count due times on the
 * days the offices were really closed.
 *
 * Dates the statutory rules already give are not repeated. Compensatory days (nghỉ bù) for a holiday falling
 * on a Saturday or Sunday follow Labour Code 2019 art. 111(3) (the same rule of the 2012 Code for 2020).
 * National Day is one day (2/9) until 2020 and two days from 2021 (Labour Code 2019 art. 112).
 */
export const VIETNAM_DAY_OVERRIDES_2020_2024: readonly DayOverride[] = Object.freeze([
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
] satisfies DayOverride[]);
