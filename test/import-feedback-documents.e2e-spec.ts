import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Application, Attachment, Feedback } from '@onegate/persistence';

import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { request } from './support/http';
import { event, recordLine } from './support/reports/crafted-lines';
import { importLines } from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const COMPLAINT = 'Hồ sơ của tôi đã quá hạn trả kết quả mà chưa được thông báo lý do.';
const PETITION = 'Đề nghị cho phép nộp toàn bộ giấy tờ trực tuyến để người dân đỡ phải đi lại.';
const ANSWER = 'Cơ quan đã kiểm tra và trả lời phản ánh của ông/bà.';
const at = (local: string) => `${local}+07:00`;

/** Submitted and received online on Monday 2 June 2025, with `documents` on the submission. */
const received = (code: string, documents?: unknown[], then: ReturnType<typeof event>[] = []) =>
  recordLine(code, [
    event('submit', '2025-06-02T08:30:00', documents ? ({ documents } as object) : {}),
    event('receive', '2025-06-02T09:00:00'),
    ...then,
  ]);
/** The record extract's one required document (the demo catalogue). */
const DOCUMENT = 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp';
const uploaded = { name: DOCUMENT, origin: 'uploaded' };

/**
 * The historical import brings feedback about a file and the file's documents without their bytes:
 * the feedback and digitisation figures count them as live ones, the documents are never offered for
 * download, and the file's page says so (docs/documents.md, docs/feedback.md, docs/metrics.md).
 */
describe(`import of feedback and documents (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let admin: Tokens;

  beforeAll(async () => {
    stack = await TestStack.start();
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
  });

  afterAll(() => stack?.stop());

  const fileOf = (code: string) => stack.apiDataSource.getRepository(Application).findOneByOrFail({ code });

  it('imports feedback and documents, and refuses bad lines naming the field', async () => {
    const imported = await importLines(
      stack.apiUrl,
      admin,
      [
        // A: returned (decided without an electronic result); a complaint answered on time, not satisfied.
        recordLine(
          'QN-STP-250602-0101',
          [
            event('submit', '2025-06-02T08:30:00', { documents: [uploaded] } as object),
            event('receive', '2025-06-02T09:00:00'),
            event('pay', '2025-06-02T09:10:00', { reference: 'PG-1' }),
            event('approve', '2025-06-02T15:00:00'),
            event('sign', '2025-06-02T15:05:00', { channel: 'offline' }),
            event('return', '2025-06-02T16:00:00', { channel: 'offline' }),
          ],
          {
            feedback: [
              {
                kind: 'feedback',
                aspect: 'lateness',
                at: at('2025-06-03T09:00:00'),
                subject: 'Hồ sơ trễ hẹn',
                text: COMPLAINT,
                answer: { at: at('2025-06-05T10:00:00'), text: ANSWER },
                rating: { at: at('2025-06-05T20:00:00'), value: 'not_satisfied' },
              },
            ],
          } as object,
        ),
        // B: uploaded, still being worked on; a petition with its own due time, answered after it.
        received('QN-STP-250602-0102', [uploaded], []),
        // C: registered at the counter with a scan; a complaint never answered.
        recordLine('QN-STP-250602-0103', [
          event('register_counter', '2025-06-02T10:00:00', {
            channel: 'offline',
            documents: [{ name: DOCUMENT, origin: 'scanned' }],
          } as object),
        ]),
        // D: one document reused from A's file.
        received('QN-STP-250602-0104', [
          { name: DOCUMENT, origin: 'reused', sourceCode: 'QN-STP-250602-0101' },
        ]),
        // E: no documents at all.
        received('QN-STP-250602-0105'),
        // Refused lines.
        received('QN-STP-250602-0106', [{ name: DOCUMENT, origin: 'issued' }]),
        received('QN-STP-250602-0107', [{ name: DOCUMENT, origin: 'reused' }]),
        received('QN-STP-250602-0108', [{ name: DOCUMENT, origin: 'scanned' }]),
        recordLine('QN-STP-250602-0109', [
          event('submit', '2025-06-02T08:30:00'),
          event('receive', '2025-06-02T09:00:00', { documents: [uploaded] } as object),
        ]),
        received('QN-STP-250602-0110', undefined, []),
        received('QN-STP-250602-0111', undefined, []),
        received('QN-STP-250602-0112', undefined, []),
        received('QN-STP-250602-0113', undefined, []),
      ].map((line, index) => {
        const feedback = (fields: Record<string, unknown>) => ({
          ...line,
          feedback: [
            {
              kind: 'feedback',
              aspect: 'handling',
              at: at('2025-06-03T09:00:00'),
              subject: 'Chậm xử lý',
              text: COMPLAINT,
              ...fields,
            },
          ],
        });
        if (index === 1)
          return feedback({
            kind: 'petition',
            aspect: 'other',
            at: at('2025-06-03T10:00:00'),
            subject: 'Đề nghị mở rộng',
            text: PETITION,
            dueAt: at('2025-06-10T17:00:00'),
            answer: { at: at('2025-06-12T09:00:00'), text: ANSWER },
          });
        if (index === 2) return feedback({ at: at('2025-06-04T08:00:00') });
        if (index === 9) return feedback({ aspect: 'speed' });
        if (index === 10) return feedback({ subject: 'Chậm' });
        if (index === 11) return feedback({ at: at('2025-06-02T08:00:00') });
        if (index === 12) return feedback({ rating: { at: at('2025-06-05T10:00:00'), value: 'satisfied' } });
        return line;
      }),
    );
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body.rejected).toEqual([
      { line: 6, error: 'events[0].documents[0].origin must be one of uploaded, scanned, reused' },
      { line: 7, error: 'events[0].documents[0].sourceCode is required for a reused document' },
      { line: 8, error: 'events[0].documents[0].origin scanned is only possible on register_counter' },
      { line: 9, error: 'events[1].documents is not taken by receive' },
      { line: 10, error: 'feedback[0].aspect must be one of reception, handling, lateness, other' },
      { line: 11, error: 'feedback[0].subject must be at least 5 characters' },
      {
        line: 12,
        error: "feedback[0].at is earlier than the file's submission: feedback is about a submitted file",
      },
      { line: 13, error: 'feedback[0].rating needs an answer to rate' },
    ]);
    expect(imported.body.imported).toBe(5);

    const rows = await stack.apiDataSource.getRepository(Feedback).find({ order: { filedAt: 'ASC' } });
    expect(rows).toHaveLength(3);
    const [complaint, petition, unanswered] = rows;
    expect(complaint!.code).toMatch(/^PA-[2-9A-HJKMNP-Z]{8}$/);
    expect(petition!.code).toMatch(/^KN-[2-9A-HJKMNP-Z]{8}$/);
    // Ten working days of eight hours from Tuesday 3 June 09:00 (no holiday in June 2025).
    expect(complaint!.dueAt.toISOString()).toBe('2025-06-17T02:00:00.000Z');
    expect(petition!.dueAt.toISOString()).toBe('2025-06-10T10:00:00.000Z');
    // From Wednesday 4 June 08:00, ten working days end at the close of Tuesday 17 June, 17:00.
    expect(unanswered!.dueAt.toISOString()).toBe('2025-06-17T10:00:00.000Z');
    expect(complaint!.applicationId).toBe((await fileOf('QN-STP-250602-0101')).id);
    expect(complaint!.body).toBe(COMPLAINT);
    expect(complaint!.answer).toBe(ANSWER);
    // Sealed at rest: the stored text is not the words.
    const raw: { body: string }[] = await stack.apiDataSource.query(
      `SELECT body FROM feedback WHERE id = ${testDatabaseKind() === 'postgres' ? '$1' : '?'}`,
      [complaint!.id],
    );
    expect(raw[0]!.body).not.toContain('quá hạn');
  });

  it('counts imported feedback in the feedback figures, computed by hand', async () => {
    const figures = await request<Record<string, unknown>>(
      `${stack.apiUrl}/api/reports/feedback?from=2025-06-01&to=2025-06-30`,
      { headers: bearer(admin) },
    );
    expect(figures.status, JSON.stringify(figures.body)).toBe(200);
    // Due in June: the complaint on A (on time, not satisfied), the petition on B (late), the complaint
    // on C (unanswered, overdue long since). Complaints on A and C.
    expect(figures.body).toMatchObject({
      feedback: 3,
      handledOnTime: 1,
      handledLate: 1,
      unansweredOverdue: 1,
      ratedNotSatisfied: 1,
      notSatisfiedOrLate: 3,
      filesWithComplaint: 2,
      onTimeRate: 1 / 3,
      satisfiedRate: 0,
    });
  });

  it('counts imported documents in the digitisation figures, computed by hand', async () => {
    const figures = await request<Record<string, unknown>>(
      `${stack.apiUrl}/api/reports/digitisation?from=2025-06-02&to=2025-06-02`,
      { headers: bearer(admin) },
    );
    expect(figures.status, JSON.stringify(figures.body)).toBe(200);
    // A decided without an electronic result; B uploaded, C scanned, D reused; E has no document.
    expect(figures.body).toMatchObject({
      files: 5,
      digitised: 3,
      reused: 1,
      digitisedRate: 0.6,
      reuseRate: 0.2,
    });
  });

  it('never offers an imported document for download, and the file page says it has no copy', async () => {
    const file = await fileOf('QN-STP-250602-0104');
    const documents = await stack.apiDataSource.getRepository(Attachment).findBy({ applicationId: file.id });
    expect(documents).toHaveLength(1);
    const api = await request<{ attachments: Record<string, unknown>[] }>(
      `${stack.apiUrl}/api/applications/${file.id}`,
      { headers: bearer(admin) },
    );
    expect(api.status).toBe(200);
    expect(api.body.attachments[0]).toMatchObject({
      origin: 'reused',
      stored: false,
      source: { code: 'QN-STP-250602-0101', applicationId: null, documentId: null },
    });
    const cookie = `onegate_session=${admin.accessToken}`;
    const download = await fetch(`${stack.apiUrl}/applications/${file.id}/documents/${documents[0]!.id}`, {
      headers: { cookie },
    });
    expect(download.status).toBe(404);
    const page = await fetch(`${stack.apiUrl}/staff/applications/${file.id}?preview=${documents[0]!.id}`, {
      headers: { cookie },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Nhập từ dữ liệu cũ, không có bản lưu');
    expect(html).not.toContain(`/documents/${documents[0]!.id}`);
  });

  it('keeps an imported document out of the citizen’s store, so it can never be reused', async () => {
    const citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
    // Approved and returned: a document with a copy would now be in the applicant's store.
    const imported = await importLines(stack.apiUrl, admin, [
      recordLine(
        'QN-STP-250602-0201',
        [
          event('submit', '2025-06-02T08:30:00', { documents: [uploaded] } as object),
          event('receive', '2025-06-02T09:00:00'),
          event('pay', '2025-06-02T09:10:00', { reference: 'PG-2' }),
          event('approve', '2025-06-02T15:00:00'),
          event('sign', '2025-06-02T15:05:00'),
          event('return', '2025-06-02T16:00:00'),
        ],
        { applicant: { nationalId: '022090001234', fullName: 'Nguyễn Văn A' } },
      ),
    ]);
    expect(imported.body).toMatchObject({ imported: 1, rejected: [] });
    const file = await fileOf('QN-STP-250602-0201');
    const [document] = await stack.apiDataSource.getRepository(Attachment).findBy({ applicationId: file.id });
    expect(file.applicantId).not.toBeNull();
    const store = await request<{ items: { id: string }[] }>(`${stack.apiUrl}/api/my/documents`, {
      headers: bearer(citizen),
    });
    expect(store.status).toBe(200);
    expect(store.body.items.map((entry) => entry.id)).not.toContain(document!.id);
    const bytes = await request(`${stack.apiUrl}/api/my/documents/${document!.id}/file`, {
      headers: bearer(citizen),
    });
    expect(bytes.status).toBe(404);
  });
});
