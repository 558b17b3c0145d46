import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';

import type { Tokens } from './support/accounts';
import { DEMO_ACCOUNTS, signIn } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import type { ApplicationBody } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { eventually } from './support/http';
import { SmtpCatcher } from './support/smtp-catcher';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

/** A document the clerk asks for in words of their own ("Giấy tờ khác"). */
const LEASE = 'Hợp đồng thuê nhà có công chứng';
const REASON = 'Bản scan không đọc được; thiếu hợp đồng thuê nhà';

interface Problem {
  field: string;
  problems: string[];
}

describe(`supplements answered item by item (${testDatabaseKind()})`, () => {
  let catcher: SmtpCatcher;
  let stack: TestStack;
  let apps: ApplicationsClient;
  let citizen: Tokens;
  let clerk: Tokens;

  beforeAll(async () => {
    catcher = await SmtpCatcher.start();
    stack = await TestStack.start({
      configure: (config) => new AppConfig({ ...config, smtpUrl: catcher.url } as AppConfig),
    });
    apps = new ApplicationsClient(stack.apiUrl);
    // The demo citizen reads Vietnamese; mails to them are told apart by the file's receipt code.
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
  });

  afterAll(async () => {
    await stack?.stop();
    await catcher?.stop();
  });

  /** A household registration received by the clerk, then sent back for the document and the lease. */
  async function askedForSupplement(): Promise<{ id: string; code: string }> {
    const draft = await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM);
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const id = draft.body.id;
    expect((await apps.upload(citizen, id, HOUSEHOLD_DOCUMENT, PDF_BYTES, 'de-nghi.pdf')).status).toBe(201);
    expect((await apps.act(citizen, id, 'submit')).status).toBe(200);
    const received = await apps.act(clerk, id, 'receive');
    expect(received.status).toBe(200);
    const asked = await apps.act(clerk, id, 'request_supplement', {
      reason: REASON,
      missingDocuments: [HOUSEHOLD_DOCUMENT, LEASE],
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    return { id, code: received.body.code! };
  }

  const page = async (tokens: Tokens, path: string) => {
    const answer = await fetch(`${stack.apiUrl}${path}`, {
      headers: { cookie: `onegate_session=${tokens.accessToken}; onegate_lang=vi` },
    });
    expect(answer.status).toBe(200);
    return answer.text();
  };
  const fieldsOf = (body: ApplicationBody) => (body.details as Problem[]).map((detail) => detail.field);

  it('records each requested item, tells the procedure document apart, and refuses a supplement until every item has a file', async () => {
    const { id } = await askedForSupplement();
    const asked = (await apps.get(clerk, id)).body.events!.at(-1)!;
    expect(asked.data).toMatchObject({
      missingDocuments: [HOUSEHOLD_DOCUMENT, LEASE],
      procedureDocuments: [HOUSEHOLD_DOCUMENT],
    });

    // Nothing sent yet (the document of the submission does not answer the request): both are named.
    const empty = await apps.act(citizen, id, 'supplement');
    expect(empty.status).toBe(400);
    expect(empty.body.message).toContain(`"${HOUSEHOLD_DOCUMENT}"`);
    expect(empty.body.message).toContain(`"${LEASE}"`);
    expect(fieldsOf(empty.body)).toEqual([`attachments.${HOUSEHOLD_DOCUMENT}`, `attachments.${LEASE}`]);

    // The procedure's document is sent again: only the lease is left.
    expect((await apps.upload(citizen, id, HOUSEHOLD_DOCUMENT, PDF_BYTES, 'de-nghi-ro.pdf')).status).toBe(
      201,
    );
    const partly = await apps.act(citizen, id, 'supplement');
    expect(partly.status).toBe(400);
    expect(partly.body.message).not.toContain(`"${HOUSEHOLD_DOCUMENT}"`);
    expect(fieldsOf(partly.body)).toEqual([`attachments.${LEASE}`]);

    // The item the clerk typed takes a file under its own words; a name nobody asked for does not.
    expect((await apps.upload(citizen, id, LEASE, PDF_BYTES, 'hop-dong.pdf')).status).toBe(201);
    expect((await apps.upload(citizen, id, 'Giấy tờ không ai yêu cầu', PDF_BYTES)).status).toBe(400);
    expect((await apps.upload(citizen, id, HOUSEHOLD_DOCUMENT, PDF_BYTES, 'de-nghi-v3.pdf')).status).toBe(
      201,
    );

    const answered = await apps.act(citizen, id, 'supplement');
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(answered.body.state).toBe('in_progress');
    const kept = (await apps.get(citizen, id)).body.attachments!.filter(
      (file) => !file.documentName?.startsWith('form:'),
    );
    expect(kept).toHaveLength(4);
    // The document of the submission answers no request; the three sent since keep the request's event.
    expect(kept.map((file) => file.supplementRequest)).toEqual([
      null,
      asked.sequence,
      asked.sequence,
      asked.sequence,
    ]);

    // The clerk sees which file answers which item, when it came and its version.
    const staff = await page(clerk, `/staff/applications/${id}`);
    const table =
      /<table class="govuk-table" id="supplement-answers">[\s\S]*?<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(
        staff,
      )?.[1] ?? '';
    const rows = [...table.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((row) =>
      row[1]!
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(
      new RegExp(`^${HOUSEHOLD_DOCUMENT} de-nghi-v3\\.pdf \\(.*\\) \\d{2}:\\d{2} .*\\d{4} 3$`),
    );
    expect(rows[1]).toMatch(
      new RegExp(`^${LEASE} \\(giấy tờ khác\\) hop-dong\\.pdf \\(.*\\) \\d{2}:\\d{2} .*\\d{4} 1$`),
    );
  });

  it('answers the citizen’s form with 400 naming each item left, keeping what was sent, and shows the items on the file', async () => {
    const { id } = await askedForSupplement();
    const file = await page(citizen, `/my/applications/${id}`);
    const listed = /<ul class="govuk-list govuk-list--bullet" id="requested-documents">([\s\S]*?)<\/ul>/.exec(
      file,
    )?.[1];
    expect(listed).toContain(HOUSEHOLD_DOCUMENT);
    expect(listed).toContain(LEASE);

    const form = await page(citizen, `/my/applications/${id}/edit`);
    expect(form).toContain(`<label class="govuk-label" for="item-0">${HOUSEHOLD_DOCUMENT}</label>`);
    expect(form).toContain(`<label class="govuk-label" for="item-1">${LEASE}</label>`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form)![1]!;
    const send = async (files: Record<string, string>) => {
      const body = new FormData();
      body.append('_csrf', csrf);
      for (const [name, value] of Object.entries(HOUSEHOLD_FORM)) body.append(name, String(value));
      for (const [part, fileName] of Object.entries(files)) {
        body.append(part, new Blob([new Uint8Array(PDF_BYTES)], { type: 'application/pdf' }), fileName);
      }
      body.append('intent', 'supplement');
      const answer = await fetch(`${stack.apiUrl}/my/applications/${id}/edit`, {
        method: 'POST',
        headers: { cookie: `onegate_session=${citizen.accessToken}; onegate_lang=vi` },
        body,
        redirect: 'manual',
      });
      const text = await answer.text();
      return {
        status: answer.status,
        summary: /govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(text)?.[1] ?? '',
      };
    };

    const empty = await send({});
    expect(empty.status).toBe(400);
    expect(empty.summary).toContain(`href="#item-0">${HOUSEHOLD_DOCUMENT}:`);
    expect(empty.summary).toContain(`href="#item-1">${LEASE}:`);

    const partly = await send({ 'item-1': 'hop-dong.pdf' });
    expect(partly.status).toBe(400);
    expect(partly.summary).not.toContain(LEASE);
    expect(partly.summary).toContain(HOUSEHOLD_DOCUMENT);

    // The lease sent with the refused post was kept: the document alone completes the answer.
    const done = await send({ 'item-0': 'de-nghi-ro.pdf' });
    expect(done.status).toBe(303);
    expect((await apps.get(citizen, id)).body.state).toBe('in_progress');
  });

  it('mails the citizen the list of requested items', async () => {
    const { code } = await askedForSupplement();
    const mail = await eventually(async () =>
      catcher.to(DEMO_ACCOUNTS.citizen).find((caught) => caught.subject.includes(`${code} cần bổ sung`)),
    );
    expect(mail.text).toContain(`- ${HOUSEHOLD_DOCUMENT}`);
    expect(mail.text).toContain(`- ${LEASE}`);
    expect(mail.html).toContain(`<li>${LEASE}</li>`);
  });

  it('keeps a supplement handed in at the counter a paper step, with no file online', async () => {
    const { id } = await askedForSupplement();
    const atCounter = await apps.act(clerk, id, 'supplement');
    expect(atCounter.status, JSON.stringify(atCounter.body)).toBe(200);
    expect(atCounter.body.state).toBe('in_progress');
    expect(atCounter.body.events!.at(-1)).toMatchObject({ type: 'supplement', channel: 'offline' });
  });
});
