import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AuditEvent, Feedback } from '@onegate/persistence';

import { RetentionSweep } from '../apps/worker/src/retention/retention-sweep.service';
import { DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { importLines } from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const TEXT = 'Đề nghị bố trí thêm chỗ ngồi chờ tại bộ phận một cửa của Sở Tư pháp.';
const ANSWER = 'Sở đã bố trí thêm ghế chờ từ tuần sau.';
const at = (local: string) => `${local}+07:00`;

/** Feedback about the Department of Justice, filed in 2015 and answered then unless `fields` say otherwise. */
const about = (fields: Record<string, unknown>) => ({
  agencyFeedback: {
    agencyCode: 'QN-STP',
    kind: 'petition',
    aspect: 'other',
    at: at('2015-06-02T09:00:00'),
    subject: 'Chỗ ngồi chờ',
    text: TEXT,
    answer: { at: at('2015-06-05T10:00:00'), text: ANSWER },
    ...fields,
  },
});

/**
 * The historical import brings feedback about an agency alone, and the nightly retention empties its
 * texts once its answer is older than FEEDBACK_RETENTION_DAYS (docs/feedback.md, "Retention").
 */
describe(`import and retention of feedback about an agency (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;

  beforeAll(async () => {
    stack = await TestStack.start();
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
  });

  afterAll(() => stack?.stop());

  it('imports feedback about an agency, skips a code already there and refuses bad lines naming the field', async () => {
    const lines = [
      about({ code: 'PA-OLD-0001' }),
      about({ code: 'PA-OLD-0002', at: at('2026-11-02T09:00:00'), answer: undefined }),
      about({ code: 'PA-OLD-0001' }),
      about({ agencyCode: 'QN-NOWHERE' }),
      about({ subject: 'Chờ' }),
      about({ agencyCode: undefined }),
      { ...about({}), code: 'QN-STP-150602-0001' },
    ];
    const imported = await importLines(stack.apiUrl, admin, lines as never);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ imported: 2, skipped: 1 });
    expect(imported.body.rejected).toEqual([
      { line: 4, error: 'agencyFeedback.agencyCode is not the code of an agency' },
      { line: 5, error: 'agencyFeedback.subject must be at least 5 characters' },
      { line: 6, error: 'agencyFeedback.agencyCode is required: the agency the feedback is about' },
      { line: 7, error: 'code is not taken by a line of agencyFeedback' },
    ]);
    const rows = await stack.apiDataSource.getRepository(Feedback).find({ order: { code: 'ASC' } });
    expect(rows.map((row) => [row.code, row.applicationId, row.body])).toEqual([
      ['PA-OLD-0001', null, TEXT],
      ['PA-OLD-0002', null, TEXT],
    ]);
    expect(rows[0]!.answer).toBe(ANSWER);
  });

  it('empties the texts of agency feedback answered longer ago than the retention, and keeps the rest', async () => {
    const sweep = stack.worker!.get(RetentionSweep, { strict: false });
    const outcome = await sweep.sweep();
    expect(outcome.feedbackCleared).toBe(1);
    const rows = await stack.apiDataSource.getRepository(Feedback).find({ order: { code: 'ASC' } });
    expect(rows[0]).toMatchObject({ subject: '', body: '', answer: null, contact: null, kind: 'petition' });
    expect(rows[0]!.answeredAt).not.toBeNull();
    // Not answered yet: kept whole.
    expect(rows[1]).toMatchObject({ subject: 'Chỗ ngồi chờ', body: TEXT });
    const audit = await stack.apiDataSource
      .getRepository(AuditEvent)
      .findBy({ type: 'feedback_texts_cleared' });
    expect(audit.map((row) => row.details)).toEqual([
      expect.objectContaining({ feedbackCode: 'PA-OLD-0001', retentionDays: 3650 }),
    ]);
    expect((await sweep.sweep()).feedbackCleared).toBe(0);
  });
});
