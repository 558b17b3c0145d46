import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Agency } from '@onegate/persistence';

import { WorkingCalendarService } from '@onegate/applications';
import type { DemoRole } from './support/accounts';
import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

interface Day {
  date: string;
  weekday: string;
  working: boolean;
  reason: string;
}

interface Listing {
  agency: string;
  from: string;
  to: string;
  timeZone: string;
  officeHours: { start: string; end: string }[];
  workingHoursPerDay: number;
  days: Day[];
}

interface Override {
  date: string;
  kind: string;
  reason: string;
  createdAt: string;
  createdBy: string | null;
}

interface ErrorBody {
  statusCode: number;
  details?: { field: string; problems: string[] }[];
}

const DEFAULT_OFFICE_HOURS = [
  { start: '08:00', end: '12:00' },
  { start: '13:00', end: '17:00' },
];

describe(`working calendar (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let api: string;
  const headers = {} as Record<DemoRole, Record<string, string>>;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    api = stack.apiUrl;
    for (const role of Object.keys(DEMO_ACCOUNTS) as DemoRole[]) {
      headers[role] = bearer(await signIn(api, DEMO_ACCOUNTS[role], stack.config.demoPassword!));
    }
  });

  afterAll(() => stack?.stop());

  const listing = (query: string) => request<Listing>(`${api}/api/calendar?${query}`);
  const days = async (from: string, to: string) => {
    const { status, body } = await listing(`from=${from}&to=${to}`);
    expect(status).toBe(200);
    return body.days.map(({ date, working, reason }) => [date, working, reason]);
  };
  const fieldsOf = (body: ErrorBody) => (body.details ?? []).map((detail) => detail.field).sort();

  describe('GET /api/calendar', () => {
    it('lists Tết 2026 with the province office hours by default', async () => {
      const { status, body } = await listing('from=2026-02-13&to=2026-02-23');
      expect(status).toBe(200);
      expect(body).toMatchObject({
        agency: 'QN',
        from: '2026-02-13',
        to: '2026-02-23',
        timeZone: 'Asia/Ho_Chi_Minh',
        officeHours: DEFAULT_OFFICE_HOURS,
        workingHoursPerDay: 8,
      });
      expect(body.days[0]).toEqual({
        date: '2026-02-13',
        weekday: 'Friday',
        working: true,
        reason: 'working_day',
      });
      const tet = 'public_holiday: Tết Nguyên Đán';
      expect(body.days.map(({ date, working, reason }) => [date, working, reason])).toEqual([
        ['2026-02-13', true, 'working_day'],
        ['2026-02-14', false, 'weekend'],
        ['2026-02-15', false, 'weekend'],
        ['2026-02-16', false, tet],
        ['2026-02-17', false, tet],
        ['2026-02-18', false, tet],
        ['2026-02-19', false, tet],
        ['2026-02-20', false, tet],
        ['2026-02-21', false, 'weekend'],
        ['2026-02-22', false, 'weekend'],
        ['2026-02-23', true, 'working_day'],
      ]);
    });

    it('lists 30/4-1/5 2025 with the swapped Friday and the make-up Saturday', async () => {
      expect(await days('2025-04-25', '2025-05-05')).toEqual([
        ['2025-04-25', true, 'working_day'],
        ['2025-04-26', true, 'make_up_working_day: làm bù cho thứ Sáu 02/05/2025 (nghỉ lễ 30/4-1/5)'],
        ['2025-04-27', false, 'weekend'],
        ['2025-04-28', true, 'working_day'],
        ['2025-04-29', true, 'working_day'],
        ['2025-04-30', false, 'public_holiday: Ngày Giải phóng miền Nam'],
        ['2025-05-01', false, 'public_holiday: Quốc tế Lao động'],
        ['2025-05-02', false, 'official_day_off: nghỉ lễ 30/4-1/5, hoán đổi với thứ Bảy 26/04/2025'],
        ['2025-05-03', false, 'weekend'],
        ['2025-05-04', false, 'weekend'],
        ['2025-05-05', true, 'working_day'],
      ]);
    });

    it('makes the New Year 2026 make-up Saturday a working day', async () => {
      expect(await days('2026-01-09', '2026-01-11')).toEqual([
        ['2026-01-09', true, 'working_day'],
        ['2026-01-10', true, 'make_up_working_day: làm bù cho thứ Sáu 02/01/2026 (Tết Dương lịch)'],
        ['2026-01-11', false, 'weekend'],
      ]);
    });

    it("shows another agency's own office hours", async () => {
      const ward = { start: '07:30', end: '11:30' };
      const afternoon = { start: '13:30', end: '17:30' };
      await stack.apiDataSource
        .getRepository(Agency)
        .update({ code: 'QN-HL-BC' }, { officeHours: [ward, afternoon] });
      const { status, body } = await listing('from=2026-03-02&to=2026-03-02&agency=QN-HL-BC');
      expect(status).toBe(200);
      expect(body).toMatchObject({
        agency: 'QN-HL-BC',
        timeZone: 'Asia/Ho_Chi_Minh',
        officeHours: [ward, afternoon],
        days: [{ date: '2026-03-02', weekday: 'Monday', working: true, reason: 'working_day' }],
      });
      const province = await listing('from=2026-03-02&to=2026-03-02&agency=QN');
      expect(province.body.officeHours).toEqual(DEFAULT_OFFICE_HOURS);
    });

    it('lists at most 366 days', async () => {
      const { status, body } = await listing('from=2024-01-01&to=2024-12-31');
      expect(status).toBe(200);
      expect(body.days).toHaveLength(366);
    });

    it.each([
      ['from is missing', 'to=2026-01-31', ['from']],
      ['to is missing', 'from=2026-01-01', ['to']],
      ['both are missing', '', ['from', 'to']],
      ['from is not YYYY-MM-DD', 'from=2026-1-5&to=2026-01-31', ['from']],
      ['to is not a real date', 'from=2026-02-01&to=2026-02-30', ['to']],
      ['from is after to', 'from=2026-02-02&to=2026-02-01', ['from']],
      ['the range is over 366 days', 'from=2025-01-01&to=2026-01-02', ['to']],
      ['the agency is unknown', 'from=2026-01-01&to=2026-01-31&agency=NOWHERE', ['agency']],
      ['the agency is empty', 'from=2026-01-01&to=2026-01-31&agency=', ['agency']],
      ['a parameter is unknown', 'from=2026-01-01&to=2026-01-31&colour=red', ['colour']],
    ])('answers 400 naming the parameter when %s', async (_, query, fields) => {
      const { status, body } = await request<ErrorBody>(`${api}/api/calendar?${query}`);
      expect(status).toBe(400);
      expect(fieldsOf(body)).toEqual(fields);
      for (const detail of body.details!) expect(detail.problems.length).toBeGreaterThan(0);
    });
  });

  describe('WorkingCalendarService', () => {
    it('gives other features the calendar of an agency, overrides included', async () => {
      const agency = await stack.apiDataSource.getRepository(Agency).findOneByOrFail({ code: 'QN' });
      const calendar = await stack.api.get(WorkingCalendarService).calendarFor(agency);
      // Friday 13/2/2026 16:00 + 8 working hours: Tết and two weekends later.
      const due = calendar.addWorkingTime(new Date('2026-02-13T16:00:00+07:00'), 8);
      expect(due.toISOString()).toBe(new Date('2026-02-23T16:00:00+07:00').toISOString());
      // Saturday 26/4/2025 is a make-up working day.
      expect(calendar.isWorkingDay('2025-04-26')).toBe(true);
    });
  });

  describe('administrators edit the overrides', () => {
    const overrides = `/api/admin/calendar/overrides`;

    it('lists the shipped official schedules by year', async () => {
      const { status, body } = await request<Override[]>(`${api}${overrides}?year=2025`, {
        headers: headers.admin,
      });
      expect(status).toBe(200);
      expect(body.map((override) => [override.date, override.kind])).toEqual([
        ['2025-01-27', 'day_off'],
        ['2025-04-26', 'working_day'],
        ['2025-05-02', 'day_off'],
        ['2025-09-01', 'day_off'],
      ]);
      expect(body.every((override) => override.createdBy === null)).toBe(true);
      const all = await request<Override[]>(`${api}${overrides}`, { headers: headers.admin });
      expect(all.body.length).toBeGreaterThanOrEqual(10);
    });

    it('adds a day off, refuses a second one on that date, and removes it', async () => {
      expect(await days('2026-11-24', '2026-11-24')).toEqual([['2026-11-24', true, 'working_day']]);

      const created = await request<Override>(`${api}${overrides}`, {
        method: 'POST',
        headers: headers.admin,
        body: { date: '2026-11-24', kind: 'day_off', reason: '  Ngày Văn hóa Việt Nam ' },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        date: '2026-11-24',
        kind: 'day_off',
        reason: 'Ngày Văn hóa Việt Nam',
        createdBy: expect.any(String),
      });
      expect(await days('2026-11-24', '2026-11-24')).toEqual([
        ['2026-11-24', false, 'official_day_off: Ngày Văn hóa Việt Nam'],
      ]);
      const year = await request<Override[]>(`${api}${overrides}?year=2026`, { headers: headers.admin });
      expect(year.body.map((override) => override.date)).toContain('2026-11-24');

      const again = await request(`${api}${overrides}`, {
        method: 'POST',
        headers: headers.admin,
        body: { date: '2026-11-24', kind: 'working_day', reason: 'twice' },
      });
      expect(again.status).toBe(409);

      const removed = await request(`${api}${overrides}/2026-11-24`, {
        method: 'DELETE',
        headers: headers.admin,
      });
      expect(removed.status).toBe(204);
      expect(await days('2026-11-24', '2026-11-24')).toEqual([['2026-11-24', true, 'working_day']]);
      const gone = await request(`${api}${overrides}/2026-11-24`, {
        method: 'DELETE',
        headers: headers.admin,
      });
      expect(gone.status).toBe(404);
    });

    it('adds a make-up working Saturday', async () => {
      const created = await request(`${api}${overrides}`, {
        method: 'POST',
        headers: headers.admin,
        body: { date: '2027-02-20', kind: 'working_day', reason: 'làm bù Tết Đinh Mùi' },
      });
      expect(created.status).toBe(201);
      expect(await days('2027-02-20', '2027-02-21')).toEqual([
        ['2027-02-20', true, 'make_up_working_day: làm bù Tết Đinh Mùi'],
        ['2027-02-21', false, 'weekend'],
      ]);
    });

    it('names each invalid field', async () => {
      const { status, body } = await request<ErrorBody>(`${api}${overrides}`, {
        method: 'POST',
        headers: headers.admin,
        body: { date: '2026-13-01', kind: 'holiday', reason: '   ', colour: 'red' },
      });
      expect(status).toBe(400);
      expect(fieldsOf(body)).toEqual(['colour', 'date', 'kind', 'reason']);
      const badYear = await request<ErrorBody>(`${api}${overrides}?year=next`, { headers: headers.admin });
      expect(badYear.status).toBe(400);
      expect(fieldsOf(badYear.body)).toEqual(['year']);
    });

    it('answers 401 to anonymous callers and 403 to everyone but administrators', async () => {
      const calls = [
        { method: 'GET', path: `${overrides}?year=2026` },
        { method: 'POST', path: overrides, body: { date: '2026-12-31', kind: 'day_off', reason: 'x' } },
        { method: 'DELETE', path: `${overrides}/2025-05-02` },
      ];
      for (const call of calls) {
        const anonymous = await request(`${api}${call.path}`, { method: call.method, body: call.body });
        expect(anonymous.status, `${call.method} anonymous`).toBe(401);
        for (const role of ['citizen', 'clerk', 'supervisor'] as const) {
          const response = await request(`${api}${call.path}`, {
            method: call.method,
            body: call.body,
            headers: headers[role],
          });
          expect(response.status, `${call.method} as ${role}`).toBe(403);
        }
      }
      expect(await days('2025-05-02', '2025-05-02')).toEqual([
        ['2025-05-02', false, 'official_day_off: nghỉ lễ 30/4-1/5, hoán đổi với thứ Bảy 26/04/2025'],
      ]);
    });
  });
});
