import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Agency, AuditEvent } from '@onegate/persistence';

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
  officialSchedules: { year: number; loaded: boolean }[];
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
  describe('official schedules of past years', () => {
    it('counts the official days of 2020-2024 and says which years have an official schedule', async () => {
      expect(await days('2024-02-07', '2024-02-15')).toEqual([
        ['2024-02-07', true, 'working_day'],
        ['2024-02-08', false, 'official_day_off: Tết Nguyên Đán (29 tháng Chạp Quý Mão)'],
        ['2024-02-09', false, 'public_holiday: Tết Nguyên Đán'],
        ['2024-02-10', false, 'public_holiday: Tết Nguyên Đán'],
        ['2024-02-11', false, 'public_holiday: Tết Nguyên Đán'],
        ['2024-02-12', false, 'public_holiday: Tết Nguyên Đán'],
        ['2024-02-13', false, 'public_holiday: Tết Nguyên Đán'],
        ['2024-02-14', false, 'official_day_off: nghỉ bù Tết Nguyên Đán (mùng 5 tháng Giêng Giáp Thìn)'],
        ['2024-02-15', true, 'working_day'],
      ]);
      const swapped = await days('2024-04-29', '2024-05-04');
      expect(swapped.map(([date, working]) => [date, working])).toEqual([
        ['2024-04-29', false],
        ['2024-04-30', false],
        ['2024-05-01', false],
        ['2024-05-02', true],
        ['2024-05-03', true],
        ['2024-05-04', true],
      ]);
      expect((await days('2023-09-01', '2023-09-04')).map(([, working]) => working)).toEqual([
        false,
        false,
        false,
        false,
      ]);
      const across = await listing('from=2019-12-01&to=2020-01-31');
      expect(across.body.officialSchedules).toEqual([
        { year: 2019, loaded: false },
        { year: 2020, loaded: true },
      ]);
      const shipped = await request<{ year: number; loadedBy: string | null }[]>(
        `${api}/api/admin/calendar/schedules`,
        { headers: headers.admin },
      );
      expect(shipped.body.filter((schedule) => schedule.year <= 2026)).toEqual(
        [2020, 2021, 2022, 2023, 2024, 2025, 2026].map((year) =>
          expect.objectContaining({ year, source: expect.any(String), loadedBy: null }),
        ),
      );
    });

    const schedules = `/api/admin/calendar/schedules`;
    const upload = (year: string, text: string | null, role: DemoRole = 'admin') => {
      const form = new FormData();
      if (text !== null) form.append('file', new Blob([text], { type: 'text/csv' }), 'schedule.csv');
      return fetch(`${api}${schedules}/${year}`, { method: 'POST', headers: headers[role], body: form });
    };
    const problemsOf = async (response: Response) => {
      expect(response.status).toBe(400);
      const body = (await response.json()) as ErrorBody;
      return (body.details ?? []).flatMap((detail) =>
        detail.problems.map((problem) => `${detail.field}: ${problem}`),
      );
    };

    it('loads a year from the government notice as a file, replacing that year’s days', async () => {
      const before = await listing('from=2028-01-01&to=2028-01-31');
      expect(before.body.officialSchedules).toEqual([{ year: 2028, loaded: false }]);
      const added = await request(`${api}/api/admin/calendar/overrides`, {
        method: 'POST',
        headers: headers.admin,
        body: { date: '2028-03-01', kind: 'day_off', reason: 'declared by hand' },
      });
      expect(added.status).toBe(201);

      const file = [
        '# Lịch nghỉ năm 2028',
        'source,Thông báo của Bộ Nội vụ về lịch nghỉ năm 2028',
        'date,kind,reason',
        '2028-01-24,day_off,Tết Nguyên Đán (28 tháng Chạp Đinh Mùi)',
        '2028-01-22,working_day,làm bù cho thứ Hai 24/01/2028',
      ].join('\r\n');
      const loaded = await upload('2028', file);
      expect(loaded.status).toBe(201);
      expect(await loaded.json()).toMatchObject({
        year: 2028,
        source: 'Thông báo của Bộ Nội vụ về lịch nghỉ năm 2028',
        loadedBy: expect.any(String),
        overrides: [
          { date: '2028-01-22', kind: 'working_day' },
          { date: '2028-01-24', kind: 'day_off' },
        ],
      });
      const after = await listing('from=2028-01-22&to=2028-03-01');
      expect(after.body.officialSchedules).toEqual([{ year: 2028, loaded: true }]);
      const byDate = new Map(after.body.days.map((day) => [day.date, day]));
      expect(byDate.get('2028-01-22')).toMatchObject({
        working: true,
        reason: expect.stringMatching(/^make_up/),
      });
      expect(byDate.get('2028-01-24')).toMatchObject({
        working: false,
        reason: expect.stringMatching(/^official/),
      });
      // The hand-declared day of that year is replaced by the file's days.
      expect(byDate.get('2028-03-01')).toMatchObject({ working: true, reason: 'working_day' });
      const audit = await stack.apiDataSource
        .getRepository(AuditEvent)
        .findOneByOrFail({ type: 'calendar_schedule_loaded' });
      expect(audit.details).toMatchObject({ year: 2028, days: 2 });
    });

    it('refuses a bad file with a 400 naming the line and the field, and changes nothing', async () => {
      const source = 'source,Thông báo\n';
      expect(await problemsOf(await upload('2029', `${source}2029-02-30,day_off,Tết`))).toEqual([
        'file: line 2, date: "2029-02-30" is not a real date written YYYY-MM-DD',
      ]);
      expect(await problemsOf(await upload('2029', `${source}2030-01-01,day_off,Tết`))).toEqual([
        'file: line 2, date: 2030-01-01 is not in 2029: a file holds one year',
      ]);
      expect(await problemsOf(await upload('2029', `${source}\n2029-01-01,holiday,Tết`))).toEqual([
        'file: line 3, kind: "holiday" must be day_off or working_day',
      ]);
      expect(await problemsOf(await upload('2029', '2029-01-01,day_off,Tết'))).toEqual([
        expect.stringMatching(/^file: line 1, source: /),
      ]);
      expect(await problemsOf(await upload('2029', null))).toEqual([
        'file: a schedule file is required in the "file" part',
      ]);
      const badYear = await upload('next', source);
      expect(badYear.status).toBe(400);
      expect(fieldsOf((await badYear.json()) as ErrorBody)).toEqual(['year']);
      const json = await request<ErrorBody>(`${api}${schedules}/2029`, {
        method: 'POST',
        headers: headers.admin,
        body: {},
      });
      expect(json.status).toBe(400);
      expect(fieldsOf(json.body)).toEqual(['file']);
      expect((await fetch(`${api}${schedules}/2029`, { method: 'POST' })).status).toBe(401);
      expect((await fetch(`${api}${schedules}`)).status).toBe(401);
      for (const role of ['citizen', 'clerk', 'supervisor'] as const) {
        expect((await upload('2029', source, role)).status, role).toBe(403);
        expect((await fetch(`${api}${schedules}`, { headers: headers[role] })).status, role).toBe(403);
      }
      const still = await listing('from=2029-01-01&to=2029-01-01');
      expect(still.body.officialSchedules).toEqual([{ year: 2029, loaded: false }]);
    });

    it('warns on the admin page about years without a schedule and loads one from a file there', async () => {
      const cookie = `onegate_session=${headers.admin.authorization!.slice('Bearer '.length)}; onegate_lang=en`;
      const page = async (year: number) => {
        const response = await fetch(`${api}/admin/calendar?year=${year}`, { headers: { cookie } });
        expect(response.status).toBe(200);
        return response.text();
      };
      const html = await page(2030);
      expect(html).toMatch(
        /id="schedule-warning"[\s\S]*No official schedule of days off is loaded for [^<]*2030/,
      );
      expect(html).toContain('No official schedule of 2030 is loaded');
      expect(html).toMatch(/<label class="govuk-label" for="file">/);
      expect(await page(2024)).toContain(
        'The official schedule of 2024 is loaded, from: Công văn 8662/VPCP-KGVX',
      );

      const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
      const post = (text: string) => {
        const form = new FormData();
        form.append('_csrf', csrf);
        form.append('year', '2030');
        form.append('file', new Blob([text], { type: 'text/csv' }), 'lich-2030.csv');
        return fetch(`${api}/admin/calendar/schedule`, {
          method: 'POST',
          headers: { cookie },
          body: form,
          redirect: 'manual',
        });
      };
      const refused = await post('source,Thông báo\n2030-02-01,day_off');
      expect(refused.status).toBe(400);
      const refusedHtml = await refused.text();
      expect(refusedHtml).toContain('id="file-error"');
      expect(refusedHtml).toContain('line 2, reason');
      expect(refusedHtml).toContain('href="#file"');

      const accepted = await post('source,Thông báo năm 2030\n2030-02-01,day_off,Tết Nguyên Đán');
      expect(accepted.status).toBe(303);
      expect(accepted.headers.get('location')).toBe('/admin/calendar?year=2030&notice=scheduleLoaded');
      const loaded = await page(2030);
      expect(loaded).toContain('The official schedule of 2030 is loaded, from: Thông báo năm 2030');
      expect(loaded).not.toMatch(/No official schedule of days off is loaded for [^<]*2030/);
      expect(await days('2030-02-01', '2030-02-01')).toEqual([
        ['2030-02-01', false, 'official_day_off: Tết Nguyên Đán'],
      ]);
    });
  });
});
