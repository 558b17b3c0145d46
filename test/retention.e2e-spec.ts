import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { JobDispatcher, JobName } from '@onegate/jobs';
import { Application, ApplicationRating, Attachment, AuditEvent, IssuedResult } from '@onegate/persistence';

import { RetentionSweep } from '../apps/worker/src/retention/retention-sweep.service';
import { bearer, createStaff, DEMO_ACCOUNTS, JUSTICE_CLERK, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import type { ApplicationBody } from './support/applications';
import {
  HOUSEHOLD,
  HOUSEHOLD_DOCUMENT,
  HOUSEHOLD_FORM,
  RECORD,
  RECORD_DOCUMENT,
  RECORD_FORM,
} from './support/demo-facts';
import { eventually, request } from './support/http';
import { event, returnedStory } from './support/reports/crafted-lines';
import { getReport, importLines } from './support/reports/report-client';
import { testDatabaseKind } from './support/test-database';
import { confirmOnlinePayment } from './support/payments';
import { TestStack } from './support/test-stack';
import { localTime } from './support/working-time-by-hand';

/** A demo procedure no other test here uses, whose page the administrator rewrites. */
const OTHER_PROCEDURE = '1.000656';
const OLD_DAY = '2024-11-04';
const RECENT_DAY = '2026-11-02';
const SWEEP_AT = '2026-11-26T10:00:00';
const IMPORTED = 130;
const IMPORTED_NAME = 'Hoàng Văn Nhập';
const IMPORTED_ID = '022190007777';
const RATING_COMMENT = 'Chị Lan ở bộ phận một cửa rất nhiệt tình';
const PERSONAL = [
  HOUSEHOLD_FORM.fullName,
  HOUSEHOLD_FORM.nationalId,
  HOUSEHOLD_FORM.phone,
  IMPORTED_NAME,
  IMPORTED_ID,
];

type Detail = ApplicationBody & {
  applicant: { nationalId: string; fullName: string; email: string | null };
  anonymisedAt: string | null;
  closedAt: string | null;
};

interface ProcedureBody {
  retentionDays: number | null;
  details?: { field: string; problems: string[] }[];
}

describe(`retention of closed applications (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let apps: ApplicationsClient;
  let admin: Tokens;
  let clerk: Tokens;
  let citizen: Tokens;
  let justiceClerk: Tokens;
  const old: Record<'returned' | 'withdrawn' | 'refused', string> = {
    returned: '',
    withdrawn: '',
    refused: '',
  };
  const kept: Record<'recent' | 'open' | 'forever', string> = { recent: '', open: '', forever: '' };

  beforeAll(async () => {
    stack = await TestStack.start();
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    justiceClerk = await createStaff(stack.apiUrl, admin, JUSTICE_CLERK);
  });

  afterEach(() => stack.freezeClock(null));
  afterAll(() => stack?.stop());

  const setRetention = (code: string, retentionDays: unknown) =>
    request<ProcedureBody>(`${stack.apiUrl}/api/admin/procedures/${code}`, {
      method: 'PATCH',
      headers: bearer(admin),
      body: { retentionDays },
    });

  async function act(tokens: Tokens, id: string, action: string, fields: Record<string, unknown> = {}) {
    const response = await apps.act(tokens, id, action, fields);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
  }

  async function submitted(day: string, procedure = HOUSEHOLD): Promise<string> {
    stack.freezeClock(localTime(`${day}T08:30:00`));
    const household = procedure === HOUSEHOLD;
    const draft = await apps.create(citizen, procedure, household ? HOUSEHOLD_FORM : RECORD_FORM);
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const document = household ? HOUSEHOLD_DOCUMENT : RECORD_DOCUMENT;
    expect((await apps.upload(citizen, draft.body.id, document, PDF_BYTES)).status).toBe(201);
    await confirmOnlinePayment(stack, draft.body.id, 'PG-1');
    await act(citizen, draft.body.id, 'submit');
    return draft.body.id;
  }

  async function returnedOnline(day: string): Promise<string> {
    const id = await submitted(day);
    stack.freezeClock(localTime(`${day}T09:00:00`));
    await act(clerk, id, 'receive');
    stack.freezeClock(localTime(`${day}T15:00:00`));
    await act(clerk, id, 'approve');
    await eventually(async () => ((await apps.get(clerk, id)).body.signed ? true : undefined));
    stack.freezeClock(localTime(`${day}T16:00:00`));
    await act(clerk, id, 'return', { channel: 'online' });
    const rated = await request(`${stack.apiUrl}/api/applications/${id}/rating`, {
      method: 'POST',
      headers: bearer(citizen),
      body: { score: 5, comment: RATING_COMMENT },
    });
    expect(rated.status, JSON.stringify(rated.body)).toBe(201);
    return id;
  }

  const detail = async (id: string, tokens = clerk) => (await apps.get(tokens, id)).body as Detail;
  /** The files that must stay as they were; the kept-forever one is the Department of Justice's. */
  const keptDetails = () =>
    Promise.all([detail(kept.recent), detail(kept.open), detail(kept.forever, justiceClerk)]);
  const repository = <T extends object>(entity: new () => T) => stack.apiDataSource.getRepository(entity);

  async function storedPaths(id: string): Promise<string[]> {
    const attachments = await repository(Attachment).find({ where: { applicationId: id } });
    const result = await repository(IssuedResult).findOneBy({ applicationId: id });
    const keys = [
      ...attachments.map((attachment) => attachment.storageKey),
      ...(result ? [result.storageKey] : []),
    ];
    return keys.map((key) => join(stack.config.storageDir, key.slice(0, 2), key.slice(2, 4), key));
  }

  const anonymisedCount = () => repository(AuditEvent).count({ where: { type: 'application_anonymised' } });

  const summary = async () => {
    const response = await getReport(stack.apiUrl, admin, 'summary', {
      from: '2023-01-01',
      to: '2026-12-31',
    });
    expect(response.status).toBe(200);
    return response.body;
  };
  const breakdown = async () => {
    const query = { from: '2023-01-01', to: '2026-12-31', groupBy: 'procedure' };
    const response = await getReport(stack.apiUrl, admin, 'breakdown', query);
    expect(response.status).toBe(200);
    return response.body;
  };

  it('keeps a retention per procedure: ten years by default, editable, null to keep forever', async () => {
    const before = await request<ProcedureBody>(`${stack.apiUrl}/api/procedures/${HOUSEHOLD}`);
    expect(before.body.retentionDays).toBe(3650);
    for (const wrong of [0, -5, 36_501, 'ten', 1.5]) {
      const refused = await setRetention(HOUSEHOLD, wrong);
      expect(refused.status, JSON.stringify(wrong)).toBe(400);
      expect(refused.body.details?.map((detail) => detail.field)).toEqual(['retentionDays']);
    }
    expect((await setRetention(HOUSEHOLD, 365)).body.retentionDays).toBe(365);
    expect((await setRetention(RECORD, null)).body.retentionDays).toBeNull();
    const after = await request<ProcedureBody>(`${stack.apiUrl}/api/procedures/${RECORD}`);
    expect(after.body.retentionDays).toBeNull();
  });

  it('edits the retention on the procedure page: days, or an empty box to keep files forever', async () => {
    const cookie = `onegate_session=${admin.accessToken}`;
    const page = async () => {
      const response = await fetch(`${stack.apiUrl}/admin/procedures/${OTHER_PROCEDURE}`, {
        headers: { cookie },
      });
      expect(response.status).toBe(200);
      return response.text();
    };
    const html = await page();
    expect(html).toMatch(/id="retentionDays" name="retentionDays" type="text" value="3650"/);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1];
    const post = (retentionDays: string) => {
      const fields = {
        _csrf: csrf,
        nameVi: 'Cấp Phiếu lý lịch tư pháp',
        nameEn: 'Criminal record certificate',
        field: 'Lý lịch tư pháp',
        agencyCode: 'QN-STP',
        // Its time limit as the demo has it: the budgets of its process add up to it.
        processingHours: '8',
        onlineLevel: 'full',
        feeVnd: '200000',
        supplementPolicy: 'pause',
        requiredDocuments: '[]',
        formSchema: '[]',
        retentionDays,
      };
      return fetch(`${stack.apiUrl}/admin/procedures/${OTHER_PROCEDURE}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
        redirect: 'manual',
      });
    };
    const refused = await post('zero');
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('id="retentionDays-error"');
    expect((await post('730')).status).toBe(303);
    expect(await page()).toMatch(/id="retentionDays" name="retentionDays" type="text" value="730"/);
    expect((await post('')).status).toBe(303);
    const after = await request<ProcedureBody>(`${stack.apiUrl}/api/procedures/${OTHER_PROCEDURE}`);
    expect(after.body.retentionDays).toBeNull();
  });

  it('anonymises closed files past retention once, even with two sweeps at a time, and leaves the rest', async () => {
    old.returned = await returnedOnline(OLD_DAY);
    old.withdrawn = await submitted(OLD_DAY);
    await act(citizen, old.withdrawn, 'withdraw');
    old.refused = await submitted(OLD_DAY);
    await act(clerk, old.refused, 'refuse', { reason: 'Sai thẩm quyền' });
    kept.open = await submitted(OLD_DAY);
    await act(clerk, kept.open, 'receive');
    kept.forever = await submitted(OLD_DAY, RECORD);
    stack.freezeClock(localTime(`${OLD_DAY}T09:30:00`));
    await act(justiceClerk, kept.forever, 'receive');
    await act(citizen, kept.forever, 'withdraw');
    kept.recent = await returnedOnline(RECENT_DAY);
    stack.freezeClock(null);

    const lines = Array.from({ length: IMPORTED }, (_, index) => ({
      code: `QN-HL-230605-${String(index + 1).padStart(4, '0')}`,
      procedureCode: HOUSEHOLD,
      receivingAgencyCode: 'QN-HL',
      applicant: { nationalId: IMPORTED_ID, fullName: IMPORTED_NAME, email: 'nhap@example.vn' },
      formData: { fullName: IMPORTED_NAME, nationalId: IMPORTED_ID, phone: '0912000111' },
      fee: { amount: 100_000 },
      events:
        index % 10 === 0
          ? [event('submit', '2023-06-05T08:30:00'), event('withdraw', '2023-06-05T10:00:00')]
          : returnedStory('2023-06-05'),
      ...(index % 10 === 1 ? { rating: { score: 4, comment: RATING_COMMENT } } : {}),
    }));
    const imported = await importLines(
      stack.apiUrl,
      admin,
      lines.map((line) => JSON.stringify(line)),
    );
    expect(imported.body).toMatchObject({ imported: IMPORTED, rejected: [] });

    // The forms the worker renders are documents of the file too: the receipt of every received file
    // the clerk sees, and the refusal letter, are waited for, so that none arrives between the
    // snapshots below or after the sweep.
    const forms: [string, string][] = [
      [old.returned, 'form:receipt'],
      [kept.open, 'form:receipt'],
      [kept.recent, 'form:receipt'],
      [old.refused, 'form:refusal'],
    ];
    const hasForm = async ([id, form]: [string, string]) =>
      (await detail(id)).attachments?.some((item) => item.documentName === form) ?? false;
    await eventually(async () => ((await Promise.all(forms.map(hasForm))).every(Boolean) ? true : undefined));
    const oldFiles = (await Promise.all(Object.values(old).map(storedPaths))).flat();
    const keptFiles = (await Promise.all(Object.values(kept).map(storedPaths))).flat();
    expect(oldFiles.length).toBeGreaterThanOrEqual(5);
    expect(keptFiles.length).toBeGreaterThanOrEqual(4);
    for (const path of [...oldFiles, ...keptFiles]) expect(existsSync(path), path).toBe(true);
    const eventsBefore = (await detail(old.returned)).events;
    const keptBefore = await keptDetails();
    for (const file of keptBefore) expect(file.applicant.fullName).toBe(HOUSEHOLD_FORM.fullName);
    const figures = { summary: await summary(), breakdown: await breakdown() };

    stack.freezeClock(localTime(SWEEP_AT));
    const sweep = stack.worker!.get(RetentionSweep, { strict: false });
    const [first, second] = await Promise.all([sweep.sweep(), sweep.sweep()]);
    const due = 3 + IMPORTED;
    expect(first.anonymised + second.anonymised).toBe(due);
    expect(first.failed + second.failed).toBe(0);
    expect(await anonymisedCount()).toBe(due);

    for (const id of Object.values(old)) {
      const file = await detail(id);
      expect(file.anonymisedAt).toBe(localTime(SWEEP_AT).toISOString());
      expect(file.applicant).toEqual({ nationalId: '', fullName: '', email: null });
      expect(file.formData).toEqual({});
      expect(file.attachments).toEqual([]);
      expect((await apps.get(citizen, id)).status).toBe(404);
    }
    for (const path of oldFiles) expect(existsSync(path), path).toBe(false);
    expect((await detail(old.returned)).events).toEqual(eventsBefore);
    const download = await fetch(`${stack.apiUrl}/api/applications/${old.returned}/result`, {
      headers: bearer(clerk),
    });
    expect(download.status).toBe(404);

    const ratings = await repository(ApplicationRating).find();
    expect(ratings.filter((rating) => rating.comment !== null).map((rating) => rating.applicationId)).toEqual(
      [kept.recent],
    );
    const importedLeft = await repository(Application).count({ where: { applicantName: IMPORTED_NAME } });
    expect(importedLeft).toBe(0);

    expect(await keptDetails()).toEqual(keptBefore);
    for (const path of keptFiles) expect(existsSync(path), path).toBe(true);
    expect({ summary: await summary(), breakdown: await breakdown() }).toEqual(figures);
  });

  it('records each anonymisation in the audit log, without personal data', async () => {
    // All rows share the sweep's time, so their order is arbitrary: read every page.
    const items: { type: string; details: Record<string, unknown> }[] = [];
    for (let page = 1; ; page += 1) {
      const audit = await request<{
        items: { type: string; details: Record<string, unknown> }[];
        total: number;
      }>(`${stack.apiUrl}/api/admin/audit?type=application_anonymised&pageSize=100&page=${page}`, {
        headers: bearer(admin),
      });
      expect(audit.status).toBe(200);
      expect(audit.body.total).toBe(3 + IMPORTED);
      items.push(...audit.body.items);
      if (items.length >= audit.body.total || audit.body.items.length === 0) break;
    }
    expect(items).toHaveLength(3 + IMPORTED);
    const returned = items.find((item) => item.details.applicationId === old.returned);
    expect(returned?.details).toMatchObject({
      procedureCode: HOUSEHOLD,
      state: 'returned',
      retentionDays: 365,
      documentsRemoved: expect.any(Number),
    });
    expect(returned!.details.filesRemoved).toBeGreaterThanOrEqual(3);
    const text = JSON.stringify(items);
    for (const personal of PERSONAL) expect(text).not.toContain(personal);
  });

  it('changes nothing when the job runs again', async () => {
    const versions = await repository(Application).find({
      select: { id: true, version: true, updatedAt: true },
      order: { id: 'ASC' },
    });
    stack.freezeClock(localTime(SWEEP_AT));
    const dispatcher = stack.api.get(JobDispatcher);
    for (let run = 0; run < 2; run++) {
      const jobId = await dispatcher.dispatch(
        JobName.ApplyRetention,
        {},
        { jobId: `retention-again-${run}` },
      );
      await eventually(async () =>
        (await dispatcher.stateOf(JobName.ApplyRetention, jobId)) === 'completed' ? true : undefined,
      );
    }
    expect(await anonymisedCount()).toBe(3 + IMPORTED);
    expect(
      await repository(Application).find({
        select: { id: true, version: true, updatedAt: true },
        order: { id: 'ASC' },
      }),
    ).toEqual(versions);
  });
});
