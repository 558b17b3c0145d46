import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';

import { DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { request } from './support/http';
import { CalendarWalk } from './support/reports/calendar-walk';
import type { BreakdownFigures } from './support/reports/figures-by-hand';
import { FiguresByHand } from './support/reports/figures-by-hand';
import { generateApplications } from './support/reports/random-applications';
import type { ImportLineJson } from './support/reports/random-applications';
import { getReport, importLines, readCatalogue } from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const APPLICATIONS = 1_500;
const MIN_FILES = 10;
const REASON = 'fewer than 10 files';
const FIGURES = [
  'received',
  'decided',
  'onTime',
  'onTimeRate',
  'meanTurnaroundDays',
  'returned',
  'fullyOnline',
  'fullyOnlineShare',
] as const;
type Figure = (typeof FIGURES)[number];

interface Line extends Record<Figure, number | null> {
  month: string;
  agency: string;
  agencyName: { vi: string; en: string };
  provisional: boolean;
  suppressed: Partial<Record<Figure, string>>;
}
interface Monthly {
  from: string;
  to: string;
  agency: string | null;
  minFiles: number;
  lines: Line[];
}

const MONTHS = Array.from({ length: 12 }, (_, index) => `2025-${String(index + 1).padStart(2, '0')}`);
const lastDay = (month: string) =>
  `${month}-${new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)), 0)).getUTCDate()}`;

/** The published figure of a report's figures, and the count it is counted on. */
const FROM_REPORT: Record<Figure, { value: (f: BreakdownFigures) => number | null; base: Base }> = {
  received: { value: (f) => f.received, base: 'received' },
  decided: { value: (f) => f.decided, base: 'decided' },
  onTime: { value: (f) => f.onTime, base: 'decided' },
  onTimeRate: { value: (f) => f.onTimeRate, base: 'decided' },
  meanTurnaroundDays: { value: (f) => f.turnaroundDays.mean, base: 'decided' },
  returned: { value: (f) => f.returned, base: 'returned' },
  fullyOnline: { value: (f) => f.fullyOnline, base: 'returned' },
  fullyOnlineShare: { value: (f) => f.fullyOnlineShare, base: 'returned' },
};
type Base = 'received' | 'decided' | 'returned';

/**
 * The open data (docs/open-data.md) against the supervisors' report: random histories go in through
 * the import, and every published figure of every agency and month must be the report's breakdown by
 * agency for that month, and what an independent computation makes of the same lines; a figure on too
 * few files is held back; nothing personal comes out; answers are cacheable and revalidate with 304.
 */
describe(`open data (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;
  let lines: ImportLineJson[];
  let byHand: FiguresByHand;
  let agencyCodes: string[];
  const openData = (query: string, headers: Record<string, string> = {}) =>
    request<Monthly>(`${stack.apiUrl}/api/open-data/monthly?${query}`, { headers });

  beforeAll(async () => {
    stack = await TestStack.start({
      worker: false,
      configure: (config) => new AppConfig({ ...config, authRateLimit: 10_000 }),
    });
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    const catalogue = await readCatalogue(stack.apiUrl);
    agencyCodes = catalogue.agencies.map((agency) => agency.code).sort();
    lines = generateApplications({
      seed: 20_261_207,
      count: APPLICATIONS,
      from: '2025-01-01',
      to: '2025-12-20',
      catalogue,
    });
    const imported = await importLines(stack.apiUrl, admin, lines);
    expect(imported.body).toEqual({ imported: APPLICATIONS, skipped: 0, rejected: [] });
    const calendar = await CalendarWalk.fetch(stack.apiUrl, admin, '2024-12-01', '2026-01-31');
    byHand = new FiguresByHand(lines, catalogue, calendar);
  }, 120_000);

  afterAll(() => stack?.stop());

  it('publishes every agency in every month, each figure the report’s, or held back below the minimum', async () => {
    const answer = await openData('from=2025-01&to=2025-12');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ from: '2025-01', to: '2025-12', agency: null, minFiles: MIN_FILES });
    expect(answer.body.lines.map((line) => `${line.month} ${line.agency}`)).toEqual(
      MONTHS.flatMap((month) => agencyCodes.map((code) => `${month} ${code}`)),
    );
    let published = 0;
    let held = 0;
    for (const month of MONTHS) {
      const report = await getReport<{ groups: BreakdownFigures[] }>(stack.apiUrl, admin, 'breakdown', {
        from: `${month}-01`,
        to: lastDay(month),
        groupBy: 'agency',
      });
      expect(report.status).toBe(200);
      const fromReport = new Map(report.body.groups.map((group) => [group.key, group]));
      const fromHand = new Map(
        byHand
          .breakdown({ from: `${month}-01`, to: lastDay(month) }, 'agency')
          .map((group) => [group.key, group]),
      );
      for (const line of answer.body.lines.filter((entry) => entry.month === month)) {
        const label = `${month} ${line.agency}`;
        expect(line.provisional, label).toBe(false);
        const reported = fromReport.get(line.agency);
        const computed = fromHand.get(line.agency);
        for (const figure of FIGURES) {
          const { value, base } = FROM_REPORT[figure];
          const baseCount = reported ? reported[base] : 0;
          expect(computed ? computed[base] : 0, `${label} ${base} by hand`).toBe(baseCount);
          if (baseCount < MIN_FILES) {
            held++;
            expect(line[figure], `${label} ${figure}`).toBeNull();
            expect(line.suppressed[figure], `${label} ${figure}`).toBe(REASON);
            continue;
          }
          published++;
          expect(line.suppressed[figure], `${label} ${figure}`).toBeUndefined();
          expect(line[figure], `${label} ${figure}`).toBe(value(reported!));
          const expected = value(computed!);
          if (expected === null) expect(line[figure], `${label} ${figure} by hand`).toBeNull();
          else expect(Math.abs(line[figure]! - expected), `${label} ${figure} by hand`).toBeLessThan(1e-9);
        }
      }
    }
    // Both sides of the rule are exercised by the data.
    expect(published).toBeGreaterThan(100);
    expect(held).toBeGreaterThan(50);
  });

  it('narrows to an agency and those below it, each with its own figures', async () => {
    const whole = await openData('from=2025-03&to=2025-05');
    const narrowed = await openData('from=2025-03&to=2025-05&agency=QN-HL');
    expect(narrowed.status).toBe(200);
    const codes = [...new Set(narrowed.body.lines.map((line) => line.agency))];
    expect(codes).toEqual(agencyCodes.filter((code) => code === 'QN-HL' || code.startsWith('QN-HL-')));
    expect(codes.length).toBeGreaterThan(1);
    for (const line of narrowed.body.lines) {
      expect(line).toEqual(
        whole.body.lines.find((entry) => entry.month === line.month && entry.agency === line.agency),
      );
    }
  });

  it('marks the running month provisional', async () => {
    const current = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
      .format(new Date())
      .slice(0, 7);
    const answer = await openData(`from=2025-11&to=${current}&agency=QN-STP`);
    expect(answer.status).toBe(200);
    const provisional = answer.body.lines.filter((line) => line.provisional).map((line) => line.month);
    expect(provisional).toEqual([current]);
  });

  it('says nothing about any person, as JSON or as a file', async () => {
    const json = await fetch(`${stack.apiUrl}/api/open-data/monthly?from=2025-01&to=2025-12`);
    const csv = await fetch(
      `${stack.apiUrl}/api/open-data/monthly/export?from=2025-01&to=2025-12&format=csv&lang=vi`,
    );
    const texts = [await json.text(), await csv.text()];
    const personal = lines.flatMap((line) => [
      line.applicant.nationalId,
      line.applicant.fullName,
      ...(line.applicant.email ? [line.applicant.email] : []),
      line.code,
    ]);
    for (const text of texts) {
      expect(text.length).toBeGreaterThan(1000);
      expect(personal.filter((value) => text.includes(value))).toEqual([]);
      expect(text).not.toMatch(/\b\d{12}\b/);
      expect(text).not.toMatch(/@/);
    }
  });

  it('exports the same lines as CSV in UTF-8 with a byte-order mark, held-back figures as empty cells', async () => {
    const answer = await openData('from=2025-06&to=2025-07');
    const response = await fetch(
      `${stack.apiUrl}/api/open-data/monthly/export?from=2025-06&to=2025-07&format=csv&lang=en`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(
      'onegate-open-data-all-2025-06-2025-07.csv',
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'Month,Agency code,Agency name,Provisional,Received,Decided,Decided on time,On-time rate,' +
        'Mean turnaround (working days),Returned,Fully online,Fully online share,Figures withheld',
    );
    expect(rows).toHaveLength(answer.body.lines.length + 1);
    answer.body.lines.forEach((line, index) => {
      const cells = rows[index + 1]!.split(',');
      expect(cells.slice(0, 2)).toEqual([line.month, line.agency]);
      const figures = cells.slice(-9, -1);
      FIGURES.forEach((figure, at) =>
        expect(figures[at], `${line.month} ${line.agency} ${figure}`).toBe(
          line[figure] === null ? '' : String(line[figure]),
        ),
      );
    });
  });

  it('is cacheable: public max-age, an entity tag, and 304 when the client holds it', async () => {
    const first = await fetch(`${stack.apiUrl}/api/open-data/monthly?from=2025-01&to=2025-02`);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=300');
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(`${stack.apiUrl}/api/open-data/monthly?from=2025-01&to=2025-02`, {
      headers: { 'if-none-match': tag! },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(tag);
    expect(await again.text()).toBe('');
    const other = await fetch(`${stack.apiUrl}/api/open-data/monthly?from=2025-01&to=2025-03`, {
      headers: { 'if-none-match': tag! },
    });
    expect(other.status).toBe(200);
    const csv = `${stack.apiUrl}/api/open-data/monthly/export?from=2025-01&to=2025-02&format=csv`;
    const csvTag = (await fetch(csv)).headers.get('etag');
    expect(csvTag).not.toBe(tag);
    expect((await fetch(csv, { headers: { 'if-none-match': `W/"x", ${csvTag}` } })).status).toBe(304);
  });

  it('answers 400 naming the parameter for a bad period or agency', async () => {
    const current = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' })
      .format(new Date())
      .slice(0, 7);
    const cases: [string, string][] = [
      ['to=2025-12', 'from'],
      ['from=2025-13&to=2025-12', 'from'],
      ['from=2025-1&to=2025-12', 'from'],
      ['from=abc&to=2025-12', 'from'],
      ['from=2025-01&to=2025-01-31', 'to'],
      ['from=2025-06&to=2025-05', 'from'],
      ['from=2022-01&to=2025-01', 'to'],
      [`from=2025-01&to=${Number(current.slice(0, 4)) + 1}-01`, 'to'],
      ['from=2025-01&to=2025-12&agency=NOPE', 'agency'],
      ['from=2025-01&to=2025-12&agency=', 'agency'],
    ];
    for (const [query, field] of cases) {
      const answer = await request<{ details: { field: string }[] }>(
        `${stack.apiUrl}/api/open-data/monthly?${query}`,
      );
      expect(answer.status, query).toBe(400);
      expect(
        answer.body.details.map((detail) => detail.field),
        query,
      ).toContain(field);
    }
    // 36 months is the most one request covers.
    expect((await openData('from=2022-01&to=2024-12')).status).toBe(200);
  });

  it('keeps its answer for the cache time, while the report moves at once', async () => {
    const query = 'from=2025-04&to=2025-04';
    const before = await openData(query);
    const extra = generateApplications({
      seed: 7,
      count: 300,
      from: '2025-04-01',
      to: '2025-04-20',
      catalogue: await readCatalogue(stack.apiUrl),
    }).map((line, index) => ({ ...line, code: `OPEN-DATA-${index}` }));
    expect((await importLines(stack.apiUrl, admin, extra)).body.rejected).toEqual([]);
    const report = await getReport<{ groups: BreakdownFigures[] }>(stack.apiUrl, admin, 'breakdown', {
      from: '2025-04-01',
      to: '2025-04-30',
      groupBy: 'agency',
    });
    const moved = before.body.lines.filter(
      (line) => report.body.groups.find((group) => group.key === line.agency)?.received !== line.received,
    );
    expect(moved.length).toBeGreaterThan(2);
    expect((await openData(query)).body).toEqual(before.body);
  });
});
