import { existsSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join, relative } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { JobDispatcher, JobName } from '@onegate/jobs';
import { Application, Attachment, MailSinkMessage } from '@onegate/persistence';

import { RetentionSweep } from '../apps/worker/src/retention/retention-sweep.service';
import { bearer, DEMO_ACCOUNTS, newCitizen, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT } from './support/demo-facts';
import { eventually, request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { confirmOnlinePayment } from './support/payments';
import { TestStack } from './support/test-stack';

/** Construction permit: three required documents of at most 5 MB each. */
const PERMIT = '1.009972';
const PERMIT_DOCUMENTS = [
  'Đơn đề nghị cấp giấy phép xây dựng',
  'Giấy tờ về quyền sử dụng đất',
  'Bản vẽ thiết kế xây dựng',
];
const MIB = 1024 * 1024;
const DAY_MS = 24 * 3_600_000;
const FILES_LIMIT = /^This document already has 5 files: the limit is 5 files per document$/;
const BYTES_LIMIT =
  /^This file would bring this application's documents to [\d.]+ MB: the limit is 50 MB per application$/;

/** A PDF (as its bytes sniff) of exactly `size` bytes. */
const pdfOf = (size: number) => Buffer.concat([PDF_BYTES, Buffer.alloc(size - PDF_BYTES.length, 0x20)]);

interface UploadAnswer {
  status: number;
  body: { message?: string; details?: { field: string; problems: string[] }[] };
}

describe(`storage limits (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let apps: ApplicationsClient;

  beforeAll(async () => {
    stack = await TestStack.start();
    apps = new ApplicationsClient(stack.apiUrl);
  });

  afterEach(() => stack.freezeClock(null));
  afterAll(() => stack?.stop());

  async function register(person = newCitizen()): Promise<Tokens> {
    const registered = await request<Tokens>(`${stack.apiUrl}/api/auth/register`, {
      method: 'POST',
      body: person,
    });
    expect(registered.status).toBe(201);
    return registered.body;
  }

  async function draft(tokens: Tokens, procedure = PERMIT): Promise<string> {
    const created = await apps.create(tokens, procedure, {});
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return created.body.id;
  }

  /**
   * An upload under a required document, or among the extra documents when `documentName` is null.
   * Each on a connection of its own: in a burst, a kept-alive connection the server is closing as idle
   * could be picked up again and reset.
   */
  async function upload(
    tokens: Tokens,
    id: string,
    documentName: string | null,
    bytes: Buffer,
  ): Promise<UploadAnswer> {
    const form = new FormData();
    if (documentName !== null) form.append('documentName', documentName);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'ban-ve.pdf');
    const encoded = new Response(form);
    const body = Buffer.from(await encoded.arrayBuffer());
    return new Promise((resolve, reject) => {
      const sent = httpRequest(
        `${stack.apiUrl}/api/applications/${id}/attachments`,
        {
          method: 'POST',
          agent: false,
          headers: {
            ...bearer(tokens),
            'content-type': encoded.headers.get('content-type')!,
            'content-length': body.length,
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () =>
            resolve({
              status: response.statusCode!,
              body: JSON.parse(Buffer.concat(chunks).toString()) as UploadAnswer['body'],
            }),
          );
        },
      );
      sent.on('error', reject);
      sent.end(body);
    });
  }

  const attachmentsOf = (applicationId: string) =>
    stack.apiDataSource.getRepository(Attachment).find({ where: { applicationId } });

  const keptOf = async (applicationId: string) => {
    const rows = await attachmentsOf(applicationId);
    return { files: rows.length, bytes: rows.reduce((total, row) => total + row.sizeBytes, 0) };
  };

  /** Every file in storage, as its storage key (the signing certificate aside). */
  function storedKeys(): string[] {
    const root = stack.config.storageDir;
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)))
      .filter((path) => !path.startsWith('signing'))
      .map((path) => path.split('/').at(-1)!)
      .sort();
  }

  /**
   * No refused upload leaves bytes behind: storage holds exactly the recorded documents, and the files
   * the development mail sink kept of the e-mails it caught (a receipt travels with its e-mail).
   */
  async function expectStorageMatchesRows(): Promise<void> {
    const rows = await stack.apiDataSource.getRepository(Attachment).find();
    const mails = await stack.apiDataSource.getRepository(MailSinkMessage).find();
    const mailed = mails.flatMap((mail) => (mail.attachments ?? []).map((file) => file.storageKey));
    expect(storedKeys()).toEqual([...rows.map((row) => row.storageKey), ...mailed].sort());
  }

  it('stops the probe of 80 uploads of 5 MB to one draft at the limits, each refusal a 409 naming its limit', async () => {
    const prober = await register();
    const id = await draft(prober);
    const fiveMb = pdfOf(5 * MIB);
    const answers: Record<string, UploadAnswer[]> = {};
    for (const slot of [...PERMIT_DOCUMENTS, null]) {
      answers[String(slot)] = [];
      for (let attempt = 0; attempt < 20; attempt++) {
        answers[String(slot)].push(await upload(prober, id, slot, fiveMb));
      }
    }
    const [first, second, third] = PERMIT_DOCUMENTS.map((name) => answers[name]);
    const extra = answers.null;
    // Five under the first document; five under the second reach 50 MB; nothing fits after that.
    expect(first.slice(0, 5).map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    expect(second.slice(0, 5).map((answer) => answer.status)).toEqual([201, 201, 201, 201, 201]);
    for (const refused of [...first.slice(5), ...second.slice(5)]) {
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(FILES_LIMIT);
      expect(refused.body.details).toEqual([
        { field: 'documentName', problems: ['already has 5 files: the limit is 5 files per document'] },
      ]);
    }
    for (const refused of [...third, ...extra]) {
      expect(refused.status).toBe(409);
      expect(refused.body.message).toMatch(BYTES_LIMIT);
      expect(refused.body.details?.[0].field).toBe('file');
    }
    expect(third[0].body.message).toContain("would bring this application's documents to 55 MB");

    expect(await keptOf(id)).toEqual({ files: 10, bytes: 50 * MIB });
    await expectStorageMatchesRows();
    // A document added does not make the form the citizen is editing out of date.
    expect((await apps.get(prober, id)).body.version).toBe(1);
  }, 240_000);

  it('lets no limit be passed by 50 uploads to one draft at the same time', async () => {
    const citizen = await register();
    const oneSlot = await draft(citizen);
    const small = await Promise.all(
      Array.from({ length: 50 }, () => upload(citizen, oneSlot, PERMIT_DOCUMENTS[0], PDF_BYTES)),
    );
    expect(small.filter((answer) => answer.status === 201)).toHaveLength(5);
    expect(small.filter((answer) => answer.status === 409)).toHaveLength(45);
    expect(await attachmentsOf(oneSlot)).toHaveLength(5);

    // Four slots take twenty files, but 50 MB takes sixteen of 3 MB.
    const manySlots = await draft(citizen);
    const slots = [...PERMIT_DOCUMENTS, null];
    const large = await Promise.all(
      Array.from({ length: 50 }, (_, index) => upload(citizen, manySlots, slots[index % 4], pdfOf(3 * MIB))),
    );
    expect(large.filter((answer) => answer.status === 201)).toHaveLength(16);
    const refused = large.filter((answer) => answer.status !== 201);
    expect(refused.every((answer) => answer.status === 409)).toBe(true);
    expect(refused.some((answer) => BYTES_LIMIT.test(answer.body.message ?? ''))).toBe(true);
    expect(await keptOf(manySlots)).toEqual({ files: 16, bytes: 48 * MIB });
    await expectStorageMatchesRows();
  }, 240_000);

  it('refuses a draft beyond ten open ones, even when many are asked for at once', async () => {
    const citizen = await register();
    for (let count = 0; count < 10; count++) await draft(citizen);
    const refused = await apps.create(citizen, PERMIT, {});
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      'You already have 10 open drafts: the limit is 10 open drafts per account; a draft untouched for 30 days is removed',
    );

    const hurried = await register();
    const answers = await Promise.all(Array.from({ length: 25 }, () => apps.create(hurried, PERMIT, {})));
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(10);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(15);
    expect((await apps.create(hurried, PERMIT, {})).status).toBe(409);
  });

  it('says the limits on the web pages in plain words of the chosen language', async () => {
    const citizen = await register();
    const id = await draft(citizen);
    for (let count = 0; count < 5; count++) {
      expect((await upload(citizen, id, PERMIT_DOCUMENTS[0], PDF_BYTES)).status).toBe(201);
    }
    const page = (path: string, language: string, init: RequestInit = {}) =>
      fetch(`${stack.apiUrl}${path}`, {
        ...init,
        redirect: 'manual',
        headers: {
          accept: 'text/html',
          cookie: `onegate_session=${citizen.accessToken}; onegate_lang=${language}`,
          ...init.headers,
        },
      });
    const edit = await page(`/my/applications/${id}/edit`, 'vi');
    const html = await edit.text();
    expect(html).toContain('hồ sơ nháp không được sửa trong 30 ngày sẽ bị xoá');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1];

    const post = (language: string) => {
      const form = new FormData();
      form.append('_csrf', csrf);
      form.append('intent', 'save');
      form.append(
        'document-0',
        new Blob([new Uint8Array(PDF_BYTES)], { type: 'application/pdf' }),
        'don.pdf',
      );
      return page(`/my/applications/${id}/edit`, language, { method: 'POST', body: form });
    };
    const vi = await post('vi');
    expect(vi.status).toBe(422);
    expect(await vi.text()).toContain('giấy tờ này đã có 5 tệp: mỗi giấy tờ được đính kèm tối đa 5 tệp');
    const en = await post('en');
    expect(en.status).toBe(422);
    expect(await en.text()).toContain('this document already has 5 files: the limit is 5 files per document');
    expect(await attachmentsOf(id)).toHaveLength(5);

    // Drafts of another procedure: "apply" would reopen an untouched draft of the same one instead.
    for (let count = 1; count < 10; count++) await draft(citizen, '1.001612');
    const apply = (language: string) =>
      page(`/procedures/${PERMIT}/apply`, language, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrf }).toString(),
      });
    const refusedVi = await apply('vi');
    expect(refusedVi.status).toBe(409);
    expect(await refusedVi.text()).toContain(
      'Bạn đã có 10 hồ sơ nháp: mỗi tài khoản được có tối đa 10 hồ sơ nháp. Hãy nộp một hồ sơ nháp trước; hồ sơ nháp không được sửa trong 30 ngày sẽ bị xoá.',
    );
    const refusedEn = await apply('en');
    expect(refusedEn.status).toBe(409);
    expect(await refusedEn.text()).toContain(
      'You already have 10 drafts: the limit is 10 drafts per account.',
    );
  });

  it('removes drafts untouched for 30 days with their files in the retention job, and keeps the rest', async () => {
    const person = newCitizen();
    const citizen = await register(person);
    const now = Date.now();
    const daysAgo = (days: number) => new Date(now - days * DAY_MS);
    const storedPaths = async (id: string) =>
      (await attachmentsOf(id)).map(({ storageKey: key }) =>
        join(stack.config.storageDir, key.slice(0, 2), key.slice(2, 4), key),
      );

    stack.freezeClock(daysAgo(40));
    const abandoned = await draft(citizen);
    expect((await upload(citizen, abandoned, PERMIT_DOCUMENTS[0], PDF_BYTES)).status).toBe(201);
    expect((await upload(citizen, abandoned, null, PDF_BYTES)).status).toBe(201);
    const touched = await draft(citizen);
    const paid = await draft(citizen, HOUSEHOLD);
    expect((await upload(citizen, paid, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    await confirmOnlinePayment(stack, paid, 'PG-7');
    // The payment stamps its row with the system time; it was made 40 days ago as far as this test goes.
    await stack.apiDataSource.getRepository(Application).update(paid, { updatedAt: daysAgo(40) });
    stack.freezeClock(daysAgo(5));
    expect((await upload(citizen, touched, PERMIT_DOCUMENTS[1], PDF_BYTES)).status).toBe(201);
    stack.freezeClock(daysAgo(10));
    const recent = await draft(citizen, HOUSEHOLD);
    await confirmOnlinePayment(stack, recent, 'PG-8');
    const younger = await draft(citizen);
    expect((await upload(citizen, younger, PERMIT_DOCUMENTS[2], PDF_BYTES)).status).toBe(201);
    // Each payment gets its electronic receipt (docs/payments.md), written by the worker: wait for both.
    const receiptOf = async (id: string) =>
      (await attachmentsOf(id)).find((row) => row.documentName === 'form:fee-receipt');
    for (const id of [paid, recent]) await eventually(() => receiptOf(id));
    // The form job and the e-mail that carries the receipt both render it when it is not yet stored, and
    // the one that loses drops its copy: once both queues are idle, no copy is in flight.
    const dispatcher = stack.api.get(JobDispatcher);
    await eventually(async () => {
      for (const job of [JobName.RenderForm, JobName.SendNotification]) {
        const counts = await dispatcher
          .queueOf(job)
          .getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        if (Object.values(counts).some((count) => count > 0)) return undefined;
      }
      return true;
    });
    stack.freezeClock(null);

    const abandonedFiles = await storedPaths(abandoned);
    expect(abandonedFiles).toHaveLength(2);
    const keptFiles = (await Promise.all([touched, paid, younger].map(storedPaths))).flat();
    expect(keptFiles).toHaveLength(4); // paid: its upload and its receipt
    for (const path of [...abandonedFiles, ...keptFiles]) expect(existsSync(path), path).toBe(true);

    const jobId = await dispatcher.dispatch(JobName.ApplyRetention, {}, { jobId: 'retention-drafts' });
    await eventually(async () =>
      (await dispatcher.stateOf(JobName.ApplyRetention, jobId)) === 'completed' ? true : undefined,
    );

    expect((await apps.get(citizen, abandoned)).status).toBe(404);
    expect(await stack.apiDataSource.getRepository(Application).findOneBy({ id: abandoned })).toBeNull();
    expect(await attachmentsOf(abandoned)).toEqual([]);
    for (const path of abandonedFiles) expect(existsSync(path), path).toBe(false);
    for (const id of [touched, paid, recent, younger]) {
      const kept = await apps.get(citizen, id);
      expect(kept.status).toBe(200);
      expect(kept.body.state).toBe('draft');
    }
    for (const path of keptFiles) expect(existsSync(path), path).toBe(true);
    await expectStorageMatchesRows();

    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    const audit = await request<{ items: { type: string; details: Record<string, unknown> }[] }>(
      `${stack.apiUrl}/api/admin/audit?type=draft_removed`,
      { headers: bearer(admin) },
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0].details).toEqual({
      applicationId: abandoned,
      procedureCode: PERMIT,
      state: 'draft',
      lastChangedAt: daysAgo(40).toISOString(),
      retentionDays: 30,
      filesRemoved: 2,
      documentsRemoved: 2,
    });
    for (const personal of [person.fullName, person.nationalId, person.email]) {
      expect(JSON.stringify(audit.body.items)).not.toContain(personal);
    }

    // Two sweeps at once later find nothing more to remove.
    const sweep = stack.worker!.get(RetentionSweep, { strict: false });
    const again = await Promise.all([sweep.sweep(), sweep.sweep()]);
    expect(again.map((outcome) => outcome.draftsRemoved)).toEqual([0, 0]);
  });
});
