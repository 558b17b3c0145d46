import type { DayOverride } from './day-overrides';

/**
 * The official 2025 and 2026 schedules for civil servants (cán bộ, công chức, viên chức) that differ from the
 * statutory holidays computed by `vietnamPublicHolidays`. Administrators load later years from a file
 * (docs/working-time.md, "Loading a year's schedule from a file").
 *
 * Dates the statutory rules already give are not repeated: 1/1/2025, 7/4/2025 (Hùng Kings), 30/4 and 1/5 of
 * both years, 2/9 of both years, Tết 2025 from 28/1 (the statutory set runs 28/1-1/2; 1/2 is a Saturday
 * anyway) and Tết 2026, whose official days 16/2-20/2/2026 (29 Chạp Ất Tỵ to mùng 4 Bính Ngọ, Thông báo
 * 9441/TB-BNV of 16/10/2025) are exactly the statutory eve + 4 days.
 *
 * Not included: 24/11, "Ngày Văn hóa Việt Nam". Resolution 80-NQ/TW (January 2026) makes it a paid day off
 * in principle and Government Resolution 30/NQ-CP asks for the Labour Code to be amended accordingly, but
 * no amended law or holiday notice could be confirmed; add it as an override once it is in force.
 */
export const VIETNAM_DAY_OVERRIDES_2025_2026: readonly DayOverride[] = Object.freeze([
  // Tết Ất Tỵ 2025: the five official days are 27/1-31/1 (28 Chạp Giáp Thìn to mùng 3 Ất Tỵ), nine days
  // off in all from 25/1 to 2/2. Công văn 8726/VPCP-KGVX of 26/11/2024 (Prime Minister's approval) and
  // Thông báo 6150/TB-LĐTBXH of 3/12/2024 (Ministry of Labour, Invalids and Social Affairs).
  { date: '2025-01-27', kind: 'day_off', reason: 'Tết Nguyên Đán (28 tháng Chạp Giáp Thìn)' },

  // 30/4-1/5/2025: Friday 2/5 swapped with Saturday 26/4, five days off from 30/4 to 4/5.
  // Công văn 8726/VPCP-KGVX of 26/11/2024 and Thông báo 6150/TB-LĐTBXH of 3/12/2024.
  { date: '2025-04-26', kind: 'working_day', reason: 'làm bù cho thứ Sáu 02/05/2025 (nghỉ lễ 30/4-1/5)' },
  { date: '2025-05-02', kind: 'day_off', reason: 'nghỉ lễ 30/4-1/5, hoán đổi với thứ Bảy 26/04/2025' },

  // National Day 2025: the second statutory day is Monday 1/9, four days off from 30/8 to 2/9.
  // Thông báo 6150/TB-LĐTBXH of 3/12/2024.
  { date: '2025-09-01', kind: 'day_off', reason: 'Quốc khánh (ngày nghỉ liền kề trước 2/9)' },

  // Tết Dương lịch 2026: Friday 2/1 swapped with Saturday 10/1, four days off from 1/1 to 4/1.
  // Công văn 12729/VPCP-KGVX of 25/12/2025 (Deputy Prime Minister's approval of the Ministry of Home Affairs' plan).
  { date: '2026-01-02', kind: 'day_off', reason: 'Tết Dương lịch, hoán đổi với thứ Bảy 10/01/2026' },
  { date: '2026-01-10', kind: 'working_day', reason: 'làm bù cho thứ Sáu 02/01/2026 (Tết Dương lịch)' },

  // Hùng Kings 2026 (10/3 Bính Ngọ) falls on Sunday 26/4, so Monday 27/4 is the compensatory day off under
  // Labour Code 2019 art. 111(3). No separate government notice for it was found; the date is confirmed by
  // press reports (Thanh Niên, 23/2/2026). 30/4-1/5/2026 are Thursday-Friday: no swap was announced.
  { date: '2026-04-27', kind: 'day_off', reason: 'nghỉ bù Giỗ Tổ Hùng Vương (trùng Chủ nhật 26/04/2026)' },

  // National Day 2026: the second statutory day is Tuesday 1/9, and Monday 31/8 is swapped with Saturday
  // 22/8, five days off from 29/8 to 2/9. Thông báo 9441/TB-BNV of 16/10/2025 (Ministry of Home Affairs).
  { date: '2026-08-22', kind: 'working_day', reason: 'làm bù cho thứ Hai 31/08/2026 (nghỉ lễ Quốc khánh)' },
  { date: '2026-08-31', kind: 'day_off', reason: 'Quốc khánh, hoán đổi với thứ Bảy 22/08/2026' },
  { date: '2026-09-01', kind: 'day_off', reason: 'Quốc khánh (ngày nghỉ liền kề trước 2/9)' },
] satisfies DayOverride[]);
