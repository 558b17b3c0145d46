import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Tokens } from './support/accounts';
import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import { ApplicationsClient, EXECUTABLE_BYTES, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT } from './support/demo-facts';
import { multipartStart, sendPartly } from './support/raw-http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

/** The demo procedures' documents take at most 5 MB each. */
const DOCUMENT_LIMIT = 5 * 1024 * 1024;
const OVERSIZED = Buffer.concat([PDF_BYTES, Buffer.alloc(DOCUMENT_LIMIT)]);

describe(`upload problems name the document, its limit and its types in plain words (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let citizen: Tokens;
  let draftId: string;
  const apps = () => new ApplicationsClient(stack.apiUrl);

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
    draftId = (await apps().create(citizen, HOUSEHOLD, {})).body.id;
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('says over the API which document a refused file was for, its limit, and the types it takes', async () => {
    const wrongType = await apps().upload(citizen, draftId, HOUSEHOLD_DOCUMENT, EXECUTABLE_BYTES);
    expect(wrongType).toMatchObject({
      status: 400,
      body: {
        message: `The file for "${HOUSEHOLD_DOCUMENT}" must be a PDF, JPG or PNG file; its content is of another kind (EXE)`,
      },
    });
    const tooLarge = await apps().upload(citizen, draftId, HOUSEHOLD_DOCUMENT, OVERSIZED);
    expect(tooLarge).toMatchObject({
      status: 400,
      body: { message: `The file for "${HOUSEHOLD_DOCUMENT}" is larger than 5 MB` },
    });
  });

  const postForm = async (language: 'vi' | 'en', bytes: Buffer) => {
    const cookie = `onegate_session=${citizen.accessToken}; onegate_lang=${language}`;
    const page = await fetch(`${stack.apiUrl}/my/applications/${draftId}/edit`, { headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const form = new FormData();
    form.append('_csrf', csrf);
    form.append('document-0', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), 'scan.pdf');
    form.append('intent', 'save');
    const answer = await fetch(`${stack.apiUrl}/my/applications/${draftId}/edit`, {
      method: 'POST',
      headers: { cookie },
      body: form,
      redirect: 'manual',
    });
    return { status: answer.status, text: await answer.text() };
  };
  const summaryOf = (page: string) => /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(page)?.[1] ?? '';

  it('tells the applicant on the form, in Vietnamese and in English, which types a document takes', async () => {
    const vi = await postForm('vi', EXECUTABLE_BYTES);
    expect(vi.status).toBe(422);
    expect(summaryOf(vi.text)).toContain(`${HOUSEHOLD_DOCUMENT}: phải là tệp PDF, JPG hoặc PNG`);
    const en = await postForm('en', EXECUTABLE_BYTES);
    expect(summaryOf(en.text)).toContain(`${HOUSEHOLD_DOCUMENT}: must be a PDF, JPG or PNG file`);
    for (const page of [vi.text, en.text]) {
      expect(page).not.toMatch(/unknown|application\/x-|its content is/);
      expect(summaryOf(page)).not.toContain('application/pdf');
    }
  });

  it('tells the applicant on the form which document’s file is too large, and its limit in MB', async () => {
    const vi = await postForm('vi', OVERSIZED);
    expect(vi.status).toBe(422);
    expect(summaryOf(vi.text)).toContain(`${HOUSEHOLD_DOCUMENT}: tệp quá lớn, tối đa 5 MB`);
    const en = await postForm('en', OVERSIZED);
    expect(summaryOf(en.text)).toContain(`${HOUSEHOLD_DOCUMENT}: the file is too large: at most 5 MB`);
  });

  it('refuses a file over its document’s limit as soon as it passes it, before the rest of the post is sent', async () => {
    const cookie = `onegate_session=${citizen.accessToken}; onegate_lang=vi`;
    const page = await fetch(`${stack.apiUrl}/my/applications/${draftId}/edit`, { headers: { cookie } });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
    const form = multipartStart({ _csrf: csrf }, 'document-0');
    const answer = await sendPartly(
      stack.apiUrl,
      {
        method: 'POST',
        path: `/my/applications/${draftId}/edit`,
        // 40 MB declared (within what a form post may carry); only a little over 5 MB is ever sent.
        headers: { cookie, 'content-type': form.contentType, 'content-length': String(40 * 1024 * 1024) },
        bodyStart: Buffer.concat([form.start, Buffer.alloc(DOCUMENT_LIMIT, 0x20)]),
      },
      10_000,
    );
    expect(answer.status).toBe(422);
    expect(answer.body).toContain(`${HOUSEHOLD_DOCUMENT}: tệp quá lớn, tối đa 5 MB`);
  });

  it('refuses an API upload over the largest file as soon as it passes it, with 413 naming the limit', async () => {
    const form = multipartStart({ documentName: HOUSEHOLD_DOCUMENT }, 'file');
    const largest = 20 * 1024 * 1024;
    const sentOfFile = '%PDF-1.4\n'.length + 64 * 1024; // what multipartStart puts in the file part
    const answer = await sendPartly(
      stack.apiUrl,
      {
        method: 'POST',
        path: `/api/applications/${draftId}/attachments`,
        // Declared within what the route may carry; the last few kilobytes are never sent.
        headers: {
          ...bearer(citizen),
          'content-type': form.contentType,
          'content-length': String(largest + 10 * 1024),
        },
        bodyStart: Buffer.concat([form.start, Buffer.alloc(largest + 2 - sentOfFile, 0x20)]),
      },
      10_000,
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ message: 'The file is larger than the 20 MB limit' });
  });

  it('gives the browser each document’s limit and the words to say it before sending', async () => {
    const cookie = `onegate_session=${citizen.accessToken}; onegate_lang=en`;
    const page = await (
      await fetch(`${stack.apiUrl}/my/applications/${draftId}/edit`, { headers: { cookie } })
    ).text();
    expect(page).toContain('<script type="module" src="/assets/onegate/js/upload-checks.mjs"></script>');
    expect(page).toContain(`data-max-bytes="${DOCUMENT_LIMIT}"`);
    expect(page).toContain('data-too-large="the file is too large: at most 5 MB"');
    expect(page).toContain('data-wrong-type="must be a PDF, JPG or PNG file"');
    expect(page).toContain('A PDF, JPG or PNG file, up to 5 MB.');
    const script = await fetch(`${stack.apiUrl}/assets/onegate/js/upload-checks.mjs`);
    expect(script.status).toBe(200);
  });
});
