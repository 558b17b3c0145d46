import { randomUUID } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Tokens } from './support/accounts';
import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { ApplicationBody } from './support/applications';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { request } from './support/http';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

interface BulkAnswer {
  action: string;
  done: number;
  failed: number;
  results: {
    id: string;
    code: string | null;
    done: boolean;
    status?: number;
    state?: string;
    details?: unknown;
  }[];
}

describe(`bulk actions on the queue (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let apps: ApplicationsClient;
  let citizen: Tokens;
  let clerk: Tokens;
  let clerkId: string;

  const submitted = async (): Promise<ApplicationBody> => {
    const draft = await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM);
    expect(draft.status).toBe(201);
    expect((await apps.upload(citizen, draft.body.id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    const sent = await apps.act(citizen, draft.body.id, 'submit');
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    return sent.body;
  };

  const bulk = (body: Record<string, unknown>) =>
    request<BulkAnswer & { message?: string }>(`${stack.apiUrl}/api/applications/bulk-actions`, {
      method: 'POST',
      headers: bearer(clerk),
      body,
    });

  const eventTypes = async (id: string) =>
    ((await apps.get(clerk, id)).body.events ?? []).map((event) => event.type);

  beforeAll(async () => {
    stack = await TestStack.start({ worker: false });
    apps = new ApplicationsClient(stack.apiUrl);
    const password = stack.config.demoPassword!;
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    clerkId = (await request<{ id: string }>(`${stack.apiUrl}/api/me`, { headers: bearer(clerk) })).body.id;
  });

  afterAll(() => stack?.stop());

  it('receives each file through its own action, and reports the one already received', async () => {
    const files = [await submitted(), await submitted(), await submitted()];
    const early = await apps.act(clerk, files[2]!.id, 'receive');
    expect(early.status).toBe(200);

    const answer = await bulk({ action: 'receive', ids: files.map((file) => file.id) });
    expect(answer.status).toBe(200);
    expect(answer.body.done).toBe(2);
    expect(answer.body.failed).toBe(1);
    expect(answer.body.results.map((result) => [result.id, result.done])).toEqual([
      [files[0]!.id, true],
      [files[1]!.id, true],
      [files[2]!.id, false],
    ]);
    const refused = answer.body.results[2]!;
    expect(refused.status).toBe(409);
    expect(refused.code).toBe(early.body.code);
    expect(refused.details).toMatchObject({ state: 'received' });
    for (const file of files) {
      const current = await apps.get(clerk, file.id);
      expect(current.body.state).toBe('received');
      // One reception each, with its own event: the bulk path is the single action's.
      expect((await eventTypes(file.id)).filter((type) => type === 'receive')).toHaveLength(1);
      expect(current.body.version).toBe(file.version + 1);
    }
    const notices: { n: number }[] = await stack.apiDataSource.query(
      `SELECT COUNT(*) AS n FROM outbox_messages WHERE payload LIKE '%${files[0]!.id}%'`,
    );
    expect(Number(notices[0]!.n)).toBeGreaterThan(0);
  });

  it('assigns the files to a staff member, reporting a file that cannot be assigned', async () => {
    const received = await submitted();
    expect((await apps.act(clerk, received.id, 'receive')).status).toBe(200);
    const notYet = await submitted();
    const answer = await bulk({ action: 'assign', ids: [received.id, notYet.id], assigneeId: clerkId });
    expect(answer.status).toBe(200);
    expect(answer.body.results.map((result) => result.done)).toEqual([true, false]);
    expect(answer.body.results[1]!.details).toMatchObject({ state: 'submitted' });
    const assigned = await apps.get(clerk, received.id);
    expect(assigned.body.state).toBe('in_progress');
    expect((assigned.body as unknown as { assigneeId: string }).assigneeId).toBe(clerkId);
    expect(await eventTypes(received.id)).toContain('assign');
    expect(await eventTypes(notYet.id)).not.toContain('assign');
  });

  it('answers 400 naming the field for too many files, no assignee, or ids that are not ids', async () => {
    const tooMany = await bulk({ action: 'receive', ids: Array.from({ length: 101 }, () => randomUUID()) });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('ids');
    const noAssignee = await bulk({ action: 'assign', ids: [randomUUID()] });
    expect(noAssignee.status).toBe(400);
    expect(JSON.stringify(noAssignee.body)).toContain('assigneeId');
    const notIds = await bulk({ action: 'receive', ids: ['x'] });
    expect(notIds.status).toBe(400);
    expect(JSON.stringify(notIds.body)).toContain('ids');
    const unknown = await bulk({ action: 'approve', ids: [randomUUID()] });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('action');
  });

  it('on the page, receives the ticked files and says what became of each', async () => {
    const files = [await submitted(), await submitted()];
    const early = await apps.act(clerk, files[1]!.id, 'receive');
    const cookie = `onegate_session=${clerk.accessToken}; onegate_lang=en`;
    const page = await (
      await fetch(`${stack.apiUrl}/staff/queue?state=submitted`, { headers: { cookie } })
    ).text();
    expect(page).toContain(`name="ids" type="checkbox" value="${files[0]!.id}"`);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const form = new URLSearchParams({ _csrf: csrf, action: 'receive', back: 'state=submitted' });
    for (const file of files) form.append('ids', file.id);
    const posted = await fetch(`${stack.apiUrl}/staff/queue/bulk`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const html = await posted.text();
    expect(posted.status).toBe(200);
    expect(html).toContain('1 file received, 1 not possible');
    expect(html).toContain(`${early.body.code}</a> not possible: the file is Received`);
    expect((await apps.get(clerk, files[0]!.id)).body.state).toBe('received');

    const nothing = await fetch(`${stack.apiUrl}/staff/queue/bulk`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, action: 'assign', back: '' }).toString(),
    });
    expect(nothing.status).toBe(400);
    expect(await nothing.text()).toContain('Select at least one file');
  });
});
