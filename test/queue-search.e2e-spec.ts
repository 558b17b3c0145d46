import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Tokens } from './support/accounts';
import { bearer, createStaff, DEMO_ACCOUNTS, JUSTICE_CLERK, signIn } from './support/accounts';
import type { ApplicationBody } from './support/applications';
import { ApplicationsClient } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_FORM, RECORD, RECORD_FORM } from './support/demo-facts';
import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

/** The demo citizen's national ID number: a counter file with it is linked to their account. */
const DEMO_CITIZEN_ID = '022090001234';
const APPLICANT = 'Đặng Thị Nguyệt Ánh';

describe(`finding a file in the staff queue (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let clerk: Tokens;
  let justiceClerk: Tokens;
  let citizen: Tokens;
  let apps: ApplicationsClient;
  let ours: ApplicationBody;
  let theirs: ApplicationBody;

  const register = async (staff: Tokens, procedureCode: string, formData: Record<string, unknown>) => {
    const registered = await request<ApplicationBody>(`${stack.apiUrl}/api/applications/counter`, {
      method: 'POST',
      headers: bearer(staff),
      body: { procedureCode, applicant: { nationalId: DEMO_CITIZEN_ID, fullName: APPLICANT }, formData },
    });
    expect(registered.status).toBe(201);
    return registered.body;
  };

  const found = async (staff: Tokens, query: Record<string, string>) => {
    const answer = await request<{ items: { id: string }[] }>(
      `${stack.apiUrl}/api/applications?${new URLSearchParams({ ...query, limit: '100' })}`,
      { headers: bearer(staff) },
    );
    expect(answer.status).toBe(200);
    return answer.body.items.map((item) => item.id);
  };

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    justiceClerk = await createStaff(stack.apiUrl, admin, JUSTICE_CLERK);
    ours = await register(clerk, HOUSEHOLD, HOUSEHOLD_FORM);
    theirs = await register(justiceClerk, RECORD, RECORD_FORM);
  });

  afterAll(() => stack?.stop());

  it('finds a file by its receipt code, whole or its beginning', async () => {
    expect(await found(clerk, { q: ours.code! })).toEqual([ours.id]);
    expect(await found(clerk, { q: ours.code!.slice(0, -2).toLowerCase() })).toContain(ours.id);
    expect(await found(clerk, { q: `${ours.code!}9` })).toEqual([]);
  });

  it('finds a file by the applicant’s name typed without accents, only in the clerk’s agency', async () => {
    expect(await found(clerk, { q: 'dang thi NGUYET anh' })).toEqual([ours.id]);
    expect(await found(clerk, { q: 'nguyet' })).toEqual([ours.id]);
    expect(await found(clerk, { q: 'nguyet binh' })).toEqual([]);
    expect(await found(justiceClerk, { q: 'Nguyệt Ánh' })).toEqual([theirs.id]);
  });

  it('finds the files of a national ID number through its keyed hash, never another agency’s', async () => {
    const mine = await found(clerk, { q: DEMO_CITIZEN_ID });
    expect(mine).toContain(ours.id);
    expect(mine).not.toContain(theirs.id);
    expect(await found(justiceClerk, { q: DEMO_CITIZEN_ID })).toEqual([theirs.id]);
    expect(await found(clerk, { q: '022090009999' })).toEqual([]);
  });

  it('filters by holder and hides finished files unless asked for', async () => {
    const me = await request<{ id: string }>(`${stack.apiUrl}/api/me`, { headers: bearer(clerk) });
    expect(await found(clerk, { q: ours.code!, holder: 'none' })).toEqual([ours.id]);
    expect(await found(clerk, { q: ours.code!, holder: 'me' })).toEqual([]);
    const assigned = await apps.act(clerk, ours.id, 'assign', { assigneeId: me.body.id });
    expect(assigned.status).toBe(200);
    expect(await found(clerk, { q: ours.code!, holder: 'me' })).toEqual([ours.id]);
    expect(await found(clerk, { q: ours.code!, holder: 'none' })).toEqual([]);

    expect((await apps.act(citizen, theirs.id, 'withdraw')).status).toBe(200);
    expect(await found(justiceClerk, { q: theirs.code! })).toEqual([]);
    expect(await found(justiceClerk, { q: theirs.code!, finished: 'true' })).toEqual([theirs.id]);
    expect(await found(justiceClerk, { q: theirs.code!, state: 'withdrawn' })).toEqual([theirs.id]);
  });

  it('on the page, searches a national ID number sent by POST and never one that came in the URL', async () => {
    const cookie = `onegate_session=${clerk.accessToken}; onegate_lang=en`;
    const inUrl = await fetch(`${stack.apiUrl}/staff/queue?q=${DEMO_CITIZEN_ID}&holder=me`, {
      headers: { cookie },
      redirect: 'manual',
    });
    expect(inUrl.status).toBe(303);
    const away = inUrl.headers.get('location')!;
    expect(away).toBe('/staff/queue?holder=me&notice=nationalIdInUrl');
    const refused = await fetch(`${stack.apiUrl}${away}`, { headers: { cookie } });
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain('A national ID or phone number is not searched from the address bar');
    expect(refusedHtml).not.toContain(DEMO_CITIZEN_ID);

    const csrf = /name="_csrf" value="([^"]+)"/.exec(refusedHtml)![1]!;
    const posted = await fetch(`${stack.apiUrl}/staff/queue`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, q: DEMO_CITIZEN_ID }).toString(),
      redirect: 'manual',
    });
    expect(posted.status).toBe(200);
    const html = await posted.text();
    expect(html).toContain(`/staff/applications/${ours.id}`);
    expect(html).not.toContain(theirs.id);
    expect(html).not.toContain(DEMO_CITIZEN_ID);

    const byName = await fetch(`${stack.apiUrl}/staff/queue?q=nguyet+anh&finished=true`, {
      headers: { cookie },
    });
    const byNameHtml = await byName.text();
    expect(byNameHtml).toContain(`/staff/applications/${ours.id}`);
    expect(byNameHtml).toContain('value="nguyet anh"');
  });

  it('names the field of a holder it does not know', async () => {
    const answer = await request(`${stack.apiUrl}/api/applications?holder=someone`, {
      headers: bearer(clerk),
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('holder');
  });
});
