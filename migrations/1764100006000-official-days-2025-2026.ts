/** One official day: a day off or a make-up working day, as the migration inserts it. */
export interface OfficialDayRow {
  readonly date: string;
  readonly kind: 'day_off' | 'working_day';
  readonly reason: string;
}

/*
 * Frozen with CreateCalendarOverrides1764100006000: the official days of 2025 and 2026 exactly as that
 * migration inserted them. Corrections to the calendar go to a new migration, never here: a migration
 * replays history.
 */
export const OFFICIAL_DAYS_2025_2026: readonly OfficialDayRow[] = [
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
];
