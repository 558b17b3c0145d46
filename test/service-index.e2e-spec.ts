import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { bearer, createStaff, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { request } from './support/http';
import { CalendarWalk } from './support/reports/calendar-walk';
import { generateApplications } from './support/reports/random-applications';
import { getReport, importLines, readCatalogue } from './support/reports/report-client';
import type { IndexProcedureFacts } from './support/reports/service-index-by-hand';
import { ServiceIndexByHand } from './support/reports/service-index-by-hand';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const APPLICATIONS = 2_000;

interface Criterion {
  id: string;
  group: string;
  source: string | null;
  missing: string | null;
  numerator: number | null;
  denominator: number | null;
  rate: number | null;
  points: number | null;
  max: number | null;
}

interface IndexAnswer {
  scoringVersion: number;
  total: number;
  computableMax: number;
  groups: { id: string; points: number; computableMax: number; max: number }[];
  criteria: Criterion[];
  resolutionByProcedure: { procedure: string; decided: number; meanDays: number }[];
}

interface RankingAnswer {
  scoringVersion: number;
  units: { rank: number; agency: string; total: number }[];
}

const PERIODS: { from: string; to: string; agency?: string }[] = [
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2025-03-01', to: '2025-03-31' },
  { from: '2025-04-15', to: '2025-07-10', agency: 'QN-HL' },
  { from: '2025-02-10', to: '2025-02-20', agency: 'QN-STP' },
  { from: '2025-05-01', to: '2025-10-31', agency: 'QN' },
  { from: '2024-12-15', to: '2026-01-31' },
];

const label = (period: object) => Object.values(period).join(' ');

/**
 * Feedback filed through the live API at Quảng Ninh times of 2025: when it is filed, when the agency
 * answers it (null: never) and how its author rates the answer.
 */
const FEEDBACK: { filed: string; answered: string | null; rating: 'satisfied' | 'not_satisfied' | null }[] = [
  { filed: '2025-03-03T09:00:00+07:00', answered: '2025-03-05T10:00:00+07:00', rating: 'satisfied' },
  { filed: '2025-03-10T09:00:00+07:00', answered: '2025-04-21T10:00:00+07:00', rating: null },
  { filed: '2025-05-05T09:00:00+07:00', answered: '2025-05-06T09:00:00+07:00', rating: 'not_satisfied' },
  { filed: '2025-06-02T09:00:00+07:00', answered: null, rating: null },
  { filed: '2025-06-16T09:00:00+07:00', answered: '2025-06-17T15:00:00+07:00', rating: null },
  { filed: '2025-12-22T09:00:00+07:00', answered: '2025-12-23T09:00:00+07:00', rating: 'satisfied' },
];
/** FEEDBACK_DAYS' default: feedback is due 10 working days of 8 hours after it is filed. */
const FEEDBACK_DUE_MS = 10 * 8 * 3_600_000;

interface FeedbackAnswer {
  id: string;
  code: string;
  secret: string;
  dueAt: string;
  answeredLate: boolean | null;
}

/**
 * Random histories go in through the import; every computed criterion of the service index must equal
 * what a deliberately simple, independent computation makes of the same lines.
 */
describe(`service index of Decision 766 against an independent computation (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;
  let byHand: ServiceIndexByHand;

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    const catalogue = await readCatalogue(stack.apiUrl);
    const lines = generateApplications({
      seed: 20_260_766,
      count: APPLICATIONS,
      from: '2025-01-01',
      to: '2025-12-20',
      catalogue,
    });
    const imported = await importLines(stack.apiUrl, admin, lines);
    expect(imported.body).toEqual({ imported: APPLICATIONS, skipped: 0, rejected: [] });
    const procedures = await request<{ items: IndexProcedureFacts[] }>(
      `${stack.apiUrl}/api/procedures?pageSize=100&includeRetired=true`,
    );
    const calendar = await CalendarWalk.fetch(stack.apiUrl, admin, '2024-12-01', '2026-12-31');
    byHand = new ServiceIndexByHand(lines, procedures.body.items, catalogue.agencies, calendar);
    const clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
    const post = (path: string, tokens: Tokens | null, body: unknown) =>
      request<FeedbackAnswer>(`${stack.apiUrl}${path}`, {
        method: 'POST',
        headers: tokens ? bearer(tokens) : {},
        body,
      });
    for (const [index, plan] of FEEDBACK.entries()) {
      const filedAt = Date.parse(plan.filed);
      stack.freezeClock(new Date(filedAt));
      const filed = await post('/api/feedback/anonymous', null, {
        kind: index % 2 === 0 ? 'feedback' : 'petition',
        agencyCode: 'QN-HL',
        subject: `Phản ánh số ${index + 1}`,
        body: 'Đề nghị hướng dẫn rõ hơn về giấy tờ cần nộp tại bộ phận một cửa.',
      });
      expect(filed.status, JSON.stringify(filed.body)).toBe(201);
      const dueAt = calendar.addWorkingTime(filedAt, FEEDBACK_DUE_MS);
      expect(Date.parse(filed.body.dueAt)).toBe(dueAt);
      if (plan.answered) {
        stack.freezeClock(new Date(plan.answered));
        const answered = await post(`/api/staff/feedback/${filed.body.id}/answer`, clerk, {
          answer: 'Bộ phận một cửa đã bổ sung hướng dẫn.',
        });
        expect(answered.status, JSON.stringify(answered.body)).toBe(200);
      }
      if (plan.rating) {
        const { code, secret } = filed.body;
        const rated = await post('/api/feedback/track/rating', null, { code, secret, rating: plan.rating });
        expect(rated.status, JSON.stringify(rated.body)).toBe(200);
      }
      byHand.addFeedback({
        agency: 'QN-HL',
        line: null,
        aspect: null,
        filedAt,
        dueAt,
        answeredAt: plan.answered ? Date.parse(plan.answered) : null,
        rating: plan.rating,
      });
    }
    stack.freezeClock(null);
  }, 120_000);

  afterAll(() => stack?.stop());

  const index = (tokens: Tokens, query: Record<string, string | undefined>) =>
    getReport<IndexAnswer>(stack.apiUrl, tokens, 'service-index', query);

  it.each(PERIODS.map((period) => [label(period), period] as const))('index %s', async (_, period) => {
    const answer = await index(admin, period);
    expect(answer.status).toBe(200);
    const expected = byHand.criteria(period.from, period.to, period.agency ?? null);
    for (const [id, { numerator, denominator, factor }] of Object.entries(expected)) {
      const criterion = answer.body.criteria.find((candidate) => candidate.id === id)!;
      expect({ id, numerator: criterion.numerator, denominator: criterion.denominator }).toEqual({
        id,
        numerator,
        denominator,
      });
      expect(criterion.rate).toBe(denominator === 0 ? null : (numerator / denominator) * (factor ?? 1));
    }
    expect(answer.body.total).toBeCloseTo(byHand.total(period.from, period.to, period.agency ?? null), 6);
    const resolution = byHand.resolution(period.from, period.to, period.agency ?? null);
    expect(answer.body.resolutionByProcedure.map((line) => line.procedure)).toEqual(
      [...resolution.keys()].sort(),
    );
    for (const line of answer.body.resolutionByProcedure) {
      expect(line.decided).toBe(resolution.get(line.procedure)!.decided);
      expect(line.meanDays).toBeCloseTo(resolution.get(line.procedure)!.meanDays, 9);
    }
  });

  it('has the data set it claims: late, resupplemented and fee-bearing files, and unhappy ratings', () => {
    const year = byHand.criteria('2025-01-01', '2025-12-31', null);
    for (const id of ['2a', '3c', '3e', '4a', '5a', '5b', '5c']) {
      expect(year[id]!.numerator, id).toBeGreaterThan(0);
      expect(year[id]!.numerator, id).toBeLessThan(year[id]!.denominator);
    }
  });

  it('shows what it cannot compute as not computed, outside the points', async () => {
    const answer = await index(admin, PERIODS[0]!);
    const missing = answer.body.criteria.filter((criterion) => criterion.source === null);
    expect(missing.map((criterion) => criterion.id)).toEqual(['1a', '1b', '1c']);
    for (const criterion of missing) {
      expect(criterion).toMatchObject({ numerator: null, denominator: null, rate: null, points: null });
      expect(criterion.missing).toBeTruthy();
    }
    // 1d is computed, but no imported file was sent by OneGate: it has no rate, so nothing of group 1
    // counts yet.
    expect(answer.body.criteria.find((criterion) => criterion.id === '1d')).toMatchObject({
      numerator: 0,
      denominator: 0,
      rate: null,
      points: null,
    });
    expect(answer.body.groups.find((group) => group.id === '1')).toMatchObject({
      max: 18,
      points: 0,
      computableMax: 0,
    });
    // 4b and 4c count over the files received; 5a and 5b over the feedback due in the year.
    expect(answer.body.groups.find((group) => group.id === '4')!.computableMax).toBe(12);
    expect(answer.body.groups.find((group) => group.id === '5')!.computableMax).toBe(18);
  });

  it('ranks the agencies below the chosen one by total', async () => {
    const period = { from: '2025-01-01', to: '2025-12-31', agency: 'QN' };
    const answer = await getReport<RankingAnswer>(stack.apiUrl, admin, 'service-index/ranking', period);
    expect(answer.status).toBe(200);
    const expected = byHand
      .childrenOf('QN')
      .map((agency) => ({ agency, total: byHand.total(period.from, period.to, agency) }))
      .sort((a, b) => b.total - a.total || (a.agency < b.agency ? -1 : 1));
    expect(answer.body.units.map(({ agency, total }) => ({ agency, total }))).toEqual(expected);
    expect(answer.body.units[0]!.rank).toBe(1);
  });

  it('exports the index and the ranking as CSV and XLSX', async () => {
    const csv = await fetch(
      `${stack.apiUrl}/api/reports/service-index/export?from=2025-01-01&to=2025-12-31&format=csv&lang=en`,
      { headers: bearer(admin) },
    );
    expect(csv.status).toBe(200);
    const text = await csv.text();
    expect(text).toContain('Files processed early or on time');
    expect(text).toContain('Files synchronised to the national portal');
    expect(text).toContain('Digitised files');
    const xlsx = await fetch(
      `${stack.apiUrl}/api/reports/service-index/ranking/export?from=2025-01-01&to=2025-12-31&format=xlsx`,
      { headers: bearer(admin) },
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
  });

  it('lets supervisors read their own subtree only; clerks get 403', async () => {
    const clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
    expect((await index(clerk, PERIODS[0]!)).status).toBe(403);
    const local = await createStaff(stack.apiUrl, admin, {
      email: 'chiso766.halong@qn.gov.vn',
      fullName: 'Trần Chỉ Số',
      role: 'supervisor',
      agencyCode: 'QN-HL',
      password: 'Ha Long index 766 2025',
    });
    const own = await index(local, { from: '2025-01-01', to: '2025-12-31' });
    const asAdmin = await index(admin, { from: '2025-01-01', to: '2025-12-31', agency: 'QN-HL' });
    expect(own.body.criteria).toEqual(asAdmin.body.criteria);
    expect((await index(local, { from: '2025-01-01', to: '2025-12-31', agency: 'QN-STP' })).status).toBe(404);
    const ranking = await getReport<RankingAnswer>(stack.apiUrl, local, 'service-index/ranking', {
      from: '2025-01-01',
      to: '2025-12-31',
      agency: 'QN',
    });
    expect(ranking.status).toBe(404);
    expect((await index(admin, { from: '2025-12-31', to: '2025-01-01' })).status).toBe(400);
  });

  it('keeps versions of the scoring table: a new one scores the periods from its date on', async () => {
    const tables = `${stack.apiUrl}/api/admin/service-index/scoring-tables`;
    const list = await request<
      { version: number; groups: unknown[]; criteria: { id: string; max: number }[] }[]
    >(tables, { headers: bearer(admin) });
    expect(list.status).toBe(200);
    expect(list.body.map((version) => version.version)).toEqual([1]);
    const shipped = list.body[0]!;
    const criteria = shipped.criteria.map((criterion) =>
      criterion.id === '2a' ? { ...criterion, max: 10 } : criterion,
    );
    const tooMuch = await request<{ details: { field: string }[] }>(tables, {
      method: 'POST',
      headers: bearer(admin),
      body: {
        effectiveFrom: '2030-01-01',
        groups: shipped.groups,
        criteria: shipped.criteria.map((criterion) =>
          criterion.id === '5c' ? { ...criterion, max: 9 } : criterion,
        ),
      },
    });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.details.map((detail) => detail.field)).toEqual(['groups[4].max']);
    const badRule = await request<{ details: { field: string }[] }>(tables, {
      method: 'POST',
      headers: bearer(admin),
      body: {
        effectiveFrom: '2030-01-01',
        groups: shipped.groups,
        criteria: [{ id: '2a', max: 5, fullAt: 2, confirmed: false }],
      },
    });
    expect(badRule.status).toBe(400);
    expect(JSON.stringify(badRule.body.details)).toContain('criteria.0.fullAt');
    const supervisor = await signIn(stack.apiUrl, DEMO_ACCOUNTS.supervisor, stack.config.demoPassword!);
    expect((await request(tables, { headers: bearer(supervisor) })).status).toBe(403);

    const added = await request<{ version: number }>(tables, {
      method: 'POST',
      headers: bearer(admin),
      body: { effectiveFrom: '2030-01-01', groups: shipped.groups, criteria },
    });
    expect(added.status).toBe(201);
    expect(added.body.version).toBe(2);
    const old = await index(admin, { from: '2025-01-01', to: '2029-12-31' });
    const later = await index(admin, { from: '2025-01-01', to: '2030-01-31' });
    expect(old.body.scoringVersion).toBe(1);
    expect(later.body.scoringVersion).toBe(2);
    const twoA = (answer: IndexAnswer) => answer.criteria.find((criterion) => criterion.id === '2a')!;
    expect(twoA(old.body).max).toBe(20);
    expect(twoA(later.body).max).toBe(10);
    expect(twoA(later.body).points).toBeCloseTo(twoA(old.body).points! / 2, 1);
  });
});
