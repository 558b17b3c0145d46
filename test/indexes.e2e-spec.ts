import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSource, Logger } from 'typeorm';

import { CLOSED_STATES } from '@onegate/domain';
import { ApplicationRepository, ApplicationWatchRepository } from '@onegate/persistence';
import type { QueueFilter } from '@onegate/persistence';
import { ReportQueryService } from '@onegate/reporting';

import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const APPLICATIONS = 20_000;
const EVENTS_EACH = 6;
/** The seed's running files: two states of every six ('received', 'in_progress'). */
const RUNNING_FILES = Math.floor(APPLICATIONS / 3);
const WATCHED_TABLES = ['applications', 'application_events'];

interface CapturedQuery {
  query: string;
  parameters: unknown[];
}

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows'?: number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

/**
 * The hot queries, exactly as the code builds them (captured from TypeORM while the code runs them),
 * must be answered from indexes at a realistic size: a sequential scan of the applications or the
 * events would grow with the whole country's files. Only PostgreSQL has a planner whose choices prove
 * anything here.
 */
describe.skipIf(testDatabaseKind() !== 'postgres')(
  'hot queries use indexes (PostgreSQL only: SQLite plans prove nothing about scale)',
  () => {
    let stack: TestStack;
    let data: DataSource;
    let clerkAgencyId: string;

    beforeAll(async () => {
      stack = await TestStack.start({ worker: false });
      data = stack.apiDataSource;
      [{ id: clerkAgencyId }] = (await data.query(`SELECT id FROM agencies WHERE code = 'QN-HL'`)) as [
        { id: string },
      ];
      await seedFiles(data, APPLICATIONS);
    }, 180_000);

    afterAll(async () => {
      await stack?.stop();
    });

    it('seeded a realistic number of files', async () => {
      const [{ count }] = (await data.query('SELECT count(*)::int AS count FROM application_events')) as [
        { count: number },
      ];
      expect(count).toBeGreaterThanOrEqual(APPLICATIONS * EVENTS_EACH);
    });

    it('reads the first page of a clerk’s queue from an index', async () => {
      const applications = stack.api.get(ApplicationRepository);
      const queries = await capture(data, () =>
        applications.queue({ agencyIds: [clerkAgencyId], limit: 20 }),
      );
      await expectIndexed(data, queries, 'FROM "applications"');
    });

    it('reads a deep cursor page of a clerk’s queue from an index', async () => {
      const [middle] = (await data.query(
        `SELECT due_at, id FROM applications WHERE due_at IS NOT NULL ORDER BY due_at, id OFFSET $1 LIMIT 1`,
        [APPLICATIONS / 2],
      )) as [{ due_at: string; id: string }];
      const applications = stack.api.get(ApplicationRepository);
      const queries = await capture(data, () =>
        applications.queue({
          agencyIds: [clerkAgencyId],
          after: { dueAt: Number(middle.due_at), id: middle.id },
          limit: 20,
        }),
      );
      await expectIndexed(data, queries, 'FROM "applications"');
    });

    it('pages through the running files due soon (the deadline scan) from an index', async () => {
      const watch = new ApplicationWatchRepository(data);
      const dueBy = new Date('2030-01-01T00:00:00Z');
      const [middle] = (await data.query(
        `SELECT due_at, id FROM applications WHERE state IN ('received', 'in_progress')
         ORDER BY due_at, id OFFSET $1 LIMIT 1`,
        [RUNNING_FILES / 2],
      )) as [{ due_at: string; id: string }];
      const deep = { dueAt: new Date(Number(middle.due_at)), id: middle.id };
      const queries = await capture(data, async () => {
        expect(await watch.alertableDueBy(dueBy, 50, null)).toHaveLength(50);
        const page = await watch.alertableDueBy(dueBy, 50, deep);
        expect(page).toHaveLength(50);
        expect(page[0].id > deep.id || page[0].dueAt! > deep.dueAt).toBe(true);
      });
      // take() with a join would sort every matching file again for each page.
      expect(queries.map(({ query }) => query).join('\n')).not.toMatch(/DISTINCT/);
      // Only the running files' index: the closed files, most of the country's, are never walked.
      expect(await expectIndexed(data, queries, 'FROM "applications"')).toEqual([
        'IDX_applications_running_due',
        'IDX_applications_running_due',
      ]);
      // A deep page starts reading at its cursor, not at the index's start (a scan quadratic in files).
      const deepPage = queries.filter(({ query }) => query.includes('FROM "applications"'))[1];
      expect(await rowsReadOnApplications(data, deepPage)).toBeLessThanOrEqual(51);
    });

    it('searches the queue by a code’s beginning, words of a name and holder from their indexes', async () => {
      const applications = stack.api.get(ApplicationRepository);
      const search = async (filter: Partial<QueueFilter>) => {
        const queries = await capture(data, () =>
          applications.queue({
            agencyIds: [clerkAgencyId],
            excludedStates: CLOSED_STATES,
            limit: 20,
            ...filter,
          }),
        );
        await expectIndexed(data, queries, 'FROM "applications"');
        const hot = queries.filter(({ query }) => query.includes('FROM "applications"'));
        return (await Promise.all(hot.map((query) => indexesPlanned(data, query)))).flat();
      };
      expect(await search({ codePrefix: 'QN-HL-001234' })).toContain('IDX_applications_code_prefix');
      expect(await search({ applicantName: 'Văn 1234' })).toContain('IDX_applications_search_name');
      expect(await search({ assigneeId: '00000000-0000-4000-8000-000000000001' })).toContain(
        'IDX_applications_holder_queue',
      );
      const [procedure] = (await data.query('SELECT id FROM procedures ORDER BY code LIMIT 1')) as [
        { id: string },
      ];
      // At this size the planner may combine bitmaps instead of the procedure's index; no scan either way.
      await search({
        procedureId: procedure.id,
        states: ['received', 'in_progress'],
        dueBefore: new Date('2030-01-01T00:00:00Z'),
      });
    });

    it('finds a file for public tracking by its receipt code', async () => {
      const applications = stack.api.get(ApplicationRepository);
      const queries = await capture(data, () => applications.findByCode('QN-HL-250601-0042'));
      await expectIndexed(data, queries, 'FROM "applications"');
    });

    it('sums a year’s summary from the rollups, never the files or their events', async () => {
      const reports = stack.api.get(ReportQueryService);
      const queries = await capture(data, () =>
        reports.summary({
          from: '2025-01-01',
          to: '2025-12-31',
          agencyIds: [clerkAgencyId],
          procedureId: null,
        }),
      );
      await expectIndexed(data, queries, 'FROM report_rollups');
    });

    it('takes the next receipt number without scanning the files', async () => {
      const applications = stack.api.get(ApplicationRepository);
      const queries = await capture(data, () =>
        applications.nextReceiptNumber(data.manager, clerkAgencyId, '2025-06-01'),
      );
      await expectIndexed(data, queries, 'receipt_sequences');
    });
  },
);

/** Files spread over two years and the seven demo agencies' procedures, six events each, then ANALYZE. */
async function seedFiles(data: DataSource, count: number): Promise<void> {
  await data.query(
    `INSERT INTO applications (id, code, procedure_id, competent_agency_id, receiving_agency_id, applicant_id,
       applicant_national_id, applicant_name, applicant_search_name, applicant_email, state, form_data, submission_channel, fee_vnd,
       paid, signed, outcome, assignee_id, submitted_at, received_at, due_at, appointment_at,
       supplement_requested_at, paused_ms, decided_at, closed_at, version, created_at, updated_at)
     SELECT md5('file' || n)::uuid::varchar, 'QN-HL-' || to_char(n, 'FM000000') || '-' || to_char(n % 10000, 'FM0000'),
       p.id, p.agency_id, p.agency_id, NULL, '022090' || to_char(n % 1000000, 'FM000000'), 'Nguyễn Văn ' || n,
       'nguyen van ' || n, NULL,
       (ARRAY['received', 'in_progress', 'returned', 'returned', 'returned', 'withdrawn'])[1 + n % 6], '{}',
       'online', 0, false, false, NULL, NULL, t, t + 600000, t + 86400000 * (1 + n % 20), NULL, NULL, 0,
       NULL, NULL, 1, t, t
     FROM generate_series(1, $1::int) AS n
     CROSS JOIN LATERAL (SELECT 1704067200000::bigint + n::bigint * (63072000000 / $1::int) AS t) AS times
     CROSS JOIN LATERAL (
       SELECT id, agency_id FROM procedures ORDER BY code OFFSET n % (SELECT count(*) FROM procedures) LIMIT 1
     ) AS p`,
    [count],
  );
  await data.query(
    `INSERT INTO application_events (id, application_id, sequence, type, at, actor_id, actor_role, channel,
       from_state, to_state, note, data)
     SELECT md5(a.id || s)::uuid::varchar, a.id, s,
       (ARRAY['submit', 'receive', 'approve', 'sign', 'return', 'pay'])[s], a.created_at + s * 3600000, NULL,
       'import', 'online', NULL, a.state, NULL, '{}'
     FROM applications a CROSS JOIN generate_series(1, ${EVENTS_EACH}) AS s`,
  );
  await data.query('ANALYZE');
}

/** The queries the code sends while `work` runs, as TypeORM sends them (transaction statements aside). */
async function capture(data: DataSource, work: () => Promise<unknown>): Promise<CapturedQuery[]> {
  const queries: CapturedQuery[] = [];
  const original = data.logger;
  const recorder: Logger = Object.assign(Object.create(original) as Logger, {
    logQuery: (query: string, parameters?: unknown[]) =>
      queries.push({ query, parameters: parameters ?? [] }),
  });
  (data as { logger: Logger }).logger = recorder;
  try {
    await work();
  } finally {
    (data as { logger: Logger }).logger = original;
  }
  return queries.filter(({ query }) => !/^\s*(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)/i.test(query));
}

/** Fails on a sequential scan of a watched table; gives the indexes the queries' plans read on it. */
async function expectIndexed(
  data: DataSource,
  queries: CapturedQuery[],
  mustInclude: string,
): Promise<string[]> {
  const hot = queries.filter(({ query }) => query.includes(mustInclude));
  expect(hot.length, `no captured query contains ${mustInclude}`).toBeGreaterThan(0);
  const indexes: string[] = [];
  for (const { query, parameters } of hot) {
    const [{ 'QUERY PLAN': plan }] = (await data.query(`EXPLAIN (FORMAT JSON) ${query}`, parameters)) as [
      { 'QUERY PLAN': [{ Plan: PlanNode }] },
    ];
    const scanned = sequentialScans(plan[0].Plan).filter((table) => WATCHED_TABLES.includes(table));
    expect(scanned, `sequential scan in:\n${query}\n${JSON.stringify(plan, null, 1)}`).toEqual([]);
    indexes.push(...indexScans(plan[0].Plan, 'applications'));
  }
  return indexes;
}

/** Rows the query's scan of the applications read, kept or filtered out (EXPLAIN ANALYZE). */
async function rowsReadOnApplications(
  data: DataSource,
  { query, parameters }: CapturedQuery,
): Promise<number> {
  const [{ 'QUERY PLAN': plan }] = (await data.query(
    `EXPLAIN (ANALYZE, FORMAT JSON) ${query}`,
    parameters,
  )) as [{ 'QUERY PLAN': [{ Plan: PlanNode }] }];
  const scans = (node: PlanNode): PlanNode[] => [
    ...(node['Relation Name'] === 'applications' ? [node] : []),
    ...(node.Plans ?? []).flatMap(scans),
  ];
  return scans(plan[0].Plan).reduce(
    (sum, scan) => sum + (scan['Actual Rows'] ?? 0) + (scan['Rows Removed by Filter'] ?? 0),
    0,
  );
}

/** Every index the query's plan reads, bitmap scans included. */
async function indexesPlanned(data: DataSource, { query, parameters }: CapturedQuery): Promise<string[]> {
  const [{ 'QUERY PLAN': plan }] = (await data.query(`EXPLAIN (FORMAT JSON) ${query}`, parameters)) as [
    { 'QUERY PLAN': [{ Plan: PlanNode }] },
  ];
  const names = (node: PlanNode): string[] => [
    ...(node['Index Name'] ? [node['Index Name']] : []),
    ...(node.Plans ?? []).flatMap(names),
  ];
  return names(plan[0].Plan);
}

function indexScans(node: PlanNode, table: string): string[] {
  const own = node['Relation Name'] === table && node['Index Name'] ? [node['Index Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap((child) => indexScans(child, table))];
}

function sequentialScans(node: PlanNode): string[] {
  const own = node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap(sequentialScans)];
}
