import { createHash, randomUUID } from 'node:crypto';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { runMigrationsExclusively } from '@onegate/persistence';
import { FileStore } from '@onegate/platform';

import type { Tokens } from './support/accounts';
import { bearer, DEMO_ACCOUNTS, newCitizen, signIn } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import type { ApplicationBody } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { eventually, request } from './support/http';
import { undoMigrationsUntil, withMigrationConnection } from './support/migrations';
import { confirmOnlinePayment } from './support/payments';
import { letterPdf } from './support/sample-files';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';
import { localTime } from './support/working-time-by-hand';

const ORIGIN_MIGRATION = 'AddAttachmentOrigin1764500700000';
/** The day every file of the digitisation figures is received on (Ha Long's clock): nothing else is. */
const DAY = '2026-10-06';
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Attachment {
  id: string;
  documentName: string | null;
  origin: string;
  digitised: boolean;
  sha256: string;
  source: { code: string | null; applicationId: string | null; documentId: string } | null;
}

interface StoreItem {
  id: string;
  kind: string;
  name: string;
  documentType: string;
  code: string | null;
  applicationId: string;
  href: string;
}

describe(`where documents came from, the citizen's store and reuse (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let apps: ApplicationsClient;
  let citizen: Tokens;
  let clerk: Tokens;
  let admin: Tokens;
  let stranger: Tokens;
  /** A file whose document the clerk accepted, then approved, signed and returned online. */
  let accepted: { id: string; code: string; documentId: string; bytes: Buffer };
  /** A file whose document the clerk rejected: nothing of it goes into the store. */
  let rejected: { id: string; documentId: string };
  /** The document reused into a file that was then received. */
  let copied: { applicationId: string; attachmentId: string };

  beforeAll(async () => {
    stack = await TestStack.start();
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    const registered = await request<Tokens>(`${stack.apiUrl}/api/auth/register`, {
      method: 'POST',
      body: newCitizen(),
    });
    expect(registered.status).toBe(201);
    stranger = registered.body;
  });

  afterEach(() => stack.freezeClock(null));
  afterAll(() => stack?.stop());

  const cookieOf = (tokens: Tokens) => `onegate_session=${tokens.accessToken}; onegate_lang=vi`;

  async function page(tokens: Tokens, path: string) {
    const answer = await fetch(`${stack.apiUrl}${path}`, { headers: { cookie: cookieOf(tokens) } });
    return { status: answer.status, html: await answer.text() };
  }

  const attachmentsOf = async (tokens: Tokens, id: string) =>
    ((await apps.get(tokens, id)).body.attachments ?? []) as unknown as Attachment[];

  const store = async (tokens: Tokens) => {
    const answer = await request<{ items: StoreItem[] }>(`${stack.apiUrl}/api/my/documents`, {
      headers: bearer(tokens),
    });
    expect(answer.status).toBe(200);
    return answer.body.items;
  };

  const reuse = (tokens: Tokens, id: string, documentName: string, storeDocumentId: string) =>
    request<Attachment & { details?: { field: string }[] }>(
      `${stack.apiUrl}/api/applications/${id}/attachments/reuse`,
      { method: 'POST', headers: bearer(tokens), body: { documentName, storeDocumentId } },
    );

  async function act(tokens: Tokens, id: string, action: string, fields: Record<string, unknown> = {}) {
    const response = await apps.act(tokens, id, action, fields);
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  }

  /** A draft of the household procedure with one document uploaded, submitted and received at `at`. */
  async function received(at: string, bytes: Buffer): Promise<ApplicationBody> {
    stack.freezeClock(localTime(at));
    const draft = await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM);
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    expect((await apps.upload(citizen, draft.body.id, HOUSEHOLD_DOCUMENT, bytes, 'de-nghi.pdf')).status).toBe(
      201,
    );
    await act(citizen, draft.body.id, 'submit');
    return act(clerk, draft.body.id, 'receive');
  }

  /** A clerk's review, posted as the file page's form posts it. */
  async function review(id: string, decision: 'accepted' | 'rejected') {
    const shown = await page(clerk, `/staff/applications/${id}`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(shown.html)![1]!;
    const answer = await fetch(`${stack.apiUrl}/staff/applications/${id}/reviews`, {
      method: 'POST',
      headers: { cookie: cookieOf(clerk), origin: stack.apiUrl },
      body: new URLSearchParams({ _csrf: csrf, documentName: HOUSEHOLD_DOCUMENT, decision, note: '' }),
      redirect: 'manual',
    });
    expect(answer.status).toBe(303);
  }

  it('records how each document came: uploaded online, and the forms OneGate issued', async () => {
    const bytes = await letterPdf(['Giấy đề nghị – bản được chấp nhận']);
    const file = await received(`${DAY}T09:00:00`, bytes);
    const documents = await attachmentsOf(citizen, file.id);
    const uploaded = documents.find((document) => document.documentName === HOUSEHOLD_DOCUMENT)!;
    expect(uploaded).toMatchObject({ origin: 'uploaded', digitised: false, source: null });
    const receipt = await eventually(async () =>
      (await attachmentsOf(citizen, file.id)).find((document) => document.documentName === 'form:receipt'),
    );
    expect(receipt).toMatchObject({ origin: 'issued', digitised: false, source: null });
    accepted = { id: file.id, code: file.code!, documentId: uploaded.id, bytes };

    const other = await received(`${DAY}T09:30:00`, await letterPdf(['Giấy đề nghị – bản bị trả lại']));
    rejected = {
      id: other.id,
      documentId: (await attachmentsOf(citizen, other.id)).find(
        (document) => document.documentName === HOUSEHOLD_DOCUMENT,
      )!.id,
    };
  });

  it('lists in the store only the citizen’s own accepted documents, then their result once returned online', async () => {
    // Nothing yet: received, not reviewed.
    expect(await store(citizen)).toEqual([]);
    stack.freezeClock(localTime(`${DAY}T10:00:00`));
    await review(accepted.id, 'accepted');
    await review(rejected.id, 'rejected');
    let items = await store(citizen);
    expect(items).toEqual([
      expect.objectContaining({
        id: accepted.documentId,
        kind: 'document',
        name: 'de-nghi.pdf',
        documentType: HOUSEHOLD_DOCUMENT,
        code: accepted.code,
        applicationId: accepted.id,
      }),
    ]);
    expect(await store(stranger)).toEqual([]);

    // Its download is the document's bytes; another citizen's is a 404.
    const mine = await fetch(`${stack.apiUrl}${items[0]!.href}`, { headers: bearer(citizen) });
    expect(mine.status).toBe(200);
    expect(sha256(Buffer.from(await mine.arrayBuffer()))).toBe(sha256(accepted.bytes));
    expect((await fetch(`${stack.apiUrl}${items[0]!.href}`, { headers: bearer(stranger) })).status).toBe(404);
    expect(
      (
        await fetch(`${stack.apiUrl}/api/my/documents/${rejected.documentId}/file`, {
          headers: bearer(citizen),
        })
      ).status,
    ).toBe(404);

    // Approved online, signed by OneGate, returned online: the signed result joins the store.
    stack.freezeClock(localTime(`${DAY}T11:00:00`));
    await act(clerk, accepted.id, 'approve');
    await eventually(async () => ((await apps.get(clerk, accepted.id)).body.signed ? true : undefined));
    stack.freezeClock(localTime(`${DAY}T14:00:00`));
    await confirmOnlinePayment(stack, accepted.id, 'PG-STORE-1');
    await act(clerk, accepted.id, 'return');
    items = await store(citizen);
    expect(items.map((item) => [item.kind, item.documentType, item.code])).toEqual([
      ['result', 'result', accepted.code],
      ['document', HOUSEHOLD_DOCUMENT, accepted.code],
    ]);
    const result = await fetch(`${stack.apiUrl}${items[0]!.href}`, { headers: bearer(citizen) });
    expect(result.status).toBe(200);
    expect(
      Buffer.from(await result.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // The page lists both, with the file they came from.
    const shown = await page(citizen, '/my/documents');
    expect(shown.status).toBe(200);
    expect(shown.html).toContain('Kho dữ liệu cá nhân');
    expect(shown.html).toContain(`ket-qua-${accepted.code}.pdf`);
    expect(shown.html).toContain(HOUSEHOLD_DOCUMENT);
    expect((await page(stranger, '/my/documents')).html).toContain('Kho chưa có giấy tờ nào');
  });

  it('reuses a stored document as the new file’s own copy, marked with its source, which the clerk sees', async () => {
    stack.freezeClock(localTime(`${DAY}T15:00:00`));
    const draft = (await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM)).body;

    // Another person's document, or one the store does not hold, is as if it did not exist.
    const strangerDraft = (await apps.create(stranger, HOUSEHOLD, HOUSEHOLD_FORM)).body;
    expect((await reuse(stranger, strangerDraft.id, HOUSEHOLD_DOCUMENT, accepted.documentId)).status).toBe(
      404,
    );
    expect((await reuse(citizen, draft.id, HOUSEHOLD_DOCUMENT, rejected.documentId)).status).toBe(404);
    expect((await reuse(citizen, draft.id, HOUSEHOLD_DOCUMENT, randomUUID())).status).toBe(404);
    // Not an id, or no document named: 400 naming the field.
    const malformed = await reuse(citizen, draft.id, HOUSEHOLD_DOCUMENT, 'not-an-id');
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('storeDocumentId');
    const unnamed = await reuse(citizen, draft.id, 'Giấy tờ không có trong thủ tục', accepted.documentId);
    expect(unnamed.status).toBe(400);
    expect(JSON.stringify(unnamed.body)).toContain('documentName');

    const reused = await reuse(citizen, draft.id, HOUSEHOLD_DOCUMENT, accepted.documentId);
    expect(reused.status, JSON.stringify(reused.body)).toBe(201);
    expect(reused.body).toMatchObject({
      documentName: HOUSEHOLD_DOCUMENT,
      origin: 'reused',
      digitised: false,
      sha256: sha256(accepted.bytes),
      source: { code: accepted.code, applicationId: accepted.id, documentId: accepted.documentId },
    });
    const copy = await fetch(`${stack.apiUrl}/api/applications/${draft.id}/attachments/${reused.body.id}`, {
      headers: bearer(citizen),
    });
    expect(sha256(Buffer.from(await copy.arrayBuffer()))).toBe(sha256(accepted.bytes));

    copied = { applicationId: draft.id, attachmentId: reused.body.id };
    // The file is complete with it: it is submitted and received like any other.
    await act(citizen, draft.id, 'submit');
    const taken = await act(clerk, draft.id, 'receive');
    const staff = await page(clerk, `/staff/applications/${taken.id}`);
    expect(staff.html).toContain(`Tái sử dụng từ hồ sơ ${accepted.code}`);
    expect((await page(citizen, `/my/applications/${taken.id}`)).html).toContain(
      `Tái sử dụng từ hồ sơ ${accepted.code}`,
    );
  });

  it('keeps a reused copy when the draft it was given to is deleted, and the stored original too', async () => {
    const draft = (await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM)).body;
    expect((await reuse(citizen, draft.id, HOUSEHOLD_DOCUMENT, accepted.documentId)).status).toBe(201);
    const confirmation = await page(citizen, `/my/applications/${draft.id}/delete`);
    const removed = await fetch(`${stack.apiUrl}/my/applications/${draft.id}/delete`, {
      method: 'POST',
      headers: { cookie: cookieOf(citizen), origin: stack.apiUrl },
      body: new URLSearchParams({ _csrf: /name="_csrf" value="([^"]+)"/.exec(confirmation.html)![1]! }),
      redirect: 'manual',
    });
    expect(removed.status).toBe(303);
    expect((await apps.get(citizen, draft.id)).status).toBe(404);
    const original = await fetch(`${stack.apiUrl}/api/my/documents/${accepted.documentId}/file`, {
      headers: bearer(citizen),
    });
    expect(original.status).toBe(200);
    expect(sha256(Buffer.from(await original.arrayBuffer()))).toBe(sha256(accepted.bytes));
  });

  it('reuses from the application form without script: a choice per document', async () => {
    stack.freezeClock(localTime(`${DAY}T16:00:00`));
    const draft = (await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM)).body;
    const form = await page(citizen, `/my/applications/${draft.id}/edit`);
    expect(form.html).toContain('name="reuse-0"');
    expect(form.html).toContain(`value="${accepted.documentId}"`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.html)![1]!;
    const body = new FormData();
    body.append('_csrf', csrf);
    for (const [name, value] of Object.entries(HOUSEHOLD_FORM)) body.append(name, String(value));
    body.append('reuse-0', accepted.documentId);
    body.append('intent', 'save');
    const saved = await fetch(`${stack.apiUrl}/my/applications/${draft.id}/edit`, {
      method: 'POST',
      headers: { cookie: cookieOf(citizen), origin: stack.apiUrl },
      body,
      redirect: 'manual',
    });
    expect(saved.status, await saved.clone().text()).toBe(303);
    const documents = await attachmentsOf(citizen, draft.id);
    expect(
      documents.map((document) => [document.documentName, document.origin, document.source?.code]),
    ).toEqual([[HOUSEHOLD_DOCUMENT, 'reused', accepted.code]]);
    // Another citizen's id posted in the form is a 404, never a copy.
    const strangerDraft = (await apps.create(stranger, HOUSEHOLD, HOUSEHOLD_FORM)).body;
    const strangerForm = await page(stranger, `/my/applications/${strangerDraft.id}/edit`);
    expect(strangerForm.html).not.toContain('name="reuse-0"');
    const forged = new FormData();
    forged.append('_csrf', /name="_csrf" value="([^"]+)"/.exec(strangerForm.html)![1]!);
    forged.append('reuse-0', accepted.documentId);
    forged.append('intent', 'save');
    const refused = await fetch(`${stack.apiUrl}/my/applications/${strangerDraft.id}/edit`, {
      method: 'POST',
      headers: { cookie: cookieOf(stranger), origin: stack.apiUrl },
      body: forged,
      redirect: 'manual',
    });
    expect(refused.status).toBe(404);
    expect(await attachmentsOf(stranger, strangerDraft.id)).toEqual([]);
  });

  it('counts the digitisation figures of the period: digitised files, files that reused', async () => {
    // One more file of the day, approved on paper: digitised documents, but no electronic result.
    const paper = await received(`${DAY}T10:30:00`, PDF_BYTES);
    stack.freezeClock(localTime(`${DAY}T16:30:00`));
    await act(clerk, paper.id, 'approve', { channel: 'offline' });
    // Received on the day: the accepted file (result issued), the rejected one (still open), the one that
    // reused a document, and the paper one. By hand: 3 of 4 digitised, 1 of 4 reused.
    const figures = await request<Record<string, unknown>>(
      `${stack.apiUrl}/api/reports/digitisation?from=${DAY}&to=${DAY}`,
      { headers: bearer(admin) },
    );
    expect(figures.status, JSON.stringify(figures.body)).toBe(200);
    expect(figures.body).toMatchObject({
      from: DAY,
      to: DAY,
      files: 4,
      digitised: 3,
      reused: 1,
      digitisedRate: 0.75,
      reuseRate: 0.25,
    });
    const dayBefore = await request<Record<string, unknown>>(
      `${stack.apiUrl}/api/reports/digitisation?from=2026-10-05&to=2026-10-05`,
      { headers: bearer(admin) },
    );
    expect(dayBefore.body).toMatchObject({ files: 0, digitisedRate: null, reuseRate: null });
    const bad = await request(`${stack.apiUrl}/api/reports/digitisation?from=someday&to=${DAY}`, {
      headers: bearer(admin),
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('from');
  });

  it('keeps the copy’s bytes when the source file’s documents are removed (its retention’s clean-up)', async () => {
    const keys = (await stack.apiDataSource.query(
      `SELECT id, storage_key FROM attachments WHERE id IN ('${accepted.documentId}', '${copied.attachmentId}')`,
    )) as { id: string; storage_key: string }[];
    const keyOf = new Map(keys.map((row) => [row.id, row.storage_key]));
    expect(keyOf.get(copied.attachmentId)).not.toBe(keyOf.get(accepted.documentId));
    // What the sweep does to the source file's documents: their stored bytes go.
    await stack.api.get(FileStore, { strict: false }).remove(keyOf.get(accepted.documentId)!);
    const copy = await fetch(
      `${stack.apiUrl}/api/applications/${copied.applicationId}/attachments/${copied.attachmentId}`,
      { headers: bearer(clerk) },
    );
    expect(copy.status).toBe(200);
    expect(sha256(Buffer.from(await copy.arrayBuffer()))).toBe(sha256(accepted.bytes));
  });

  it('fills in the origin of existing documents when migrating: scans, forms, the rest uploaded', async () => {
    const ids = { scan: randomUUID(), form: randomUUID(), online: randomUUID() };
    await withMigrationConnection(stack.config, async (dataSource) => {
      await undoMigrationsUntil(dataSource, ORIGIN_MIGRATION);
      const postgres = dataSource.options.type === 'postgres';
      const yes = postgres ? 'true' : '1';
      const no = postgres ? 'false' : '0';
      const rows: [string, string, string][] = [
        [ids.scan, HOUSEHOLD_DOCUMENT, yes],
        [ids.form, 'form:receipt', no],
        [ids.online, HOUSEHOLD_DOCUMENT, no],
      ];
      for (const [id, name, digitised] of rows) {
        await dataSource.query(
          `INSERT INTO attachments (id, application_id, document_name, original_name, media_type, size_bytes,
             sha256, storage_key, digitised, uploaded_at)
           VALUES ('${id}', '${accepted.id}', '${name}', 'x.pdf', 'application/pdf', 1, 'x', '${id}', ${digitised}, 0)`,
        );
      }
      await runMigrationsExclusively(dataSource);
      const migrated = (await dataSource.query(
        `SELECT id, origin FROM attachments WHERE id IN ('${ids.scan}', '${ids.form}', '${ids.online}')`,
      )) as { id: string; origin: string }[];
      expect(Object.fromEntries(migrated.map((row) => [row.id, row.origin]))).toEqual({
        [ids.scan]: 'scanned',
        [ids.form]: 'issued',
        [ids.online]: 'uploaded',
      });
      // Every row has an origin, the ones written before this test included.
      const counts = (await dataSource.query(
        `SELECT origin, COUNT(*) AS count FROM attachments GROUP BY origin`,
      )) as { origin: string | null }[];
      expect(counts.every((row) => ['uploaded', 'scanned', 'reused', 'issued'].includes(row.origin!))).toBe(
        true,
      );
      await dataSource.query(
        `DELETE FROM attachments WHERE id IN ('${ids.scan}', '${ids.form}', '${ids.online}')`,
      );
    });
  });
});
