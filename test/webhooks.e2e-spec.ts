import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';
import { TransactionRunner, WebhookRepository } from '@onegate/persistence';
import { WebhookDeliveries } from '@onegate/webhooks';

import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { eventually, request } from './support/http';
import { SmtpCatcher } from './support/smtp-catcher';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';
import { secretsThatSigned, WebhookReceiver } from './support/webhook-receiver';
import type { ReceivedWebhook } from './support/webhook-receiver';

interface Subscription {
  id: string;
  url: string;
  enabled: boolean;
  disabledReason: string | null;
  secret?: string;
}

interface Delivery {
  id: string;
  webhookId: string;
  eventType: string;
  applicationId: string | null;
  state: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  body: string;
  tries: { attempt: number; at: string; status: number | null; error: string | null }[];
}

const FIRST_RETRY_MS = 200;
const FORM = 'application/x-www-form-urlencoded';
const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
const FILES = 3;
/** What each file's story tells, in order. */
const STORY = ['file.submitted', 'file.received', 'file.supplement_requested'];

/**
 * Webhooks end to end: an administrator registers receivers over the API; files' events reach them
 * through the outbox and the worker's queue, signed (checked here by an HMAC written from the
 * specification), retried on failure with growing waits, in order per file when asked, with a
 * history per subscription; targets on private addresses are refused, at registration and at delivery.
 */
describe(`webhooks (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let receiver: WebhookReceiver;
  let catcher: SmtpCatcher;
  let admin: Tokens;
  let citizen: Tokens;
  let clerk: Tokens;
  let apps: ApplicationsClient;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    catcher = await SmtpCatcher.start();
    stack = await TestStack.start({
      configure: (config) =>
        new AppConfig({
          ...config,
          smtpUrl: catcher.url,
          webhooks: {
            ...config.webhooks,
            allowedHosts: ['127.0.0.1'],
            timeoutMs: 5_000,
            retryFirstMs: FIRST_RETRY_MS,
            retryLongestMs: 2_000,
            retryForMs: 120_000,
            disableAfterMs: 120_000,
            secretOverlapMs: 60_000,
          },
        } as AppConfig),
    });
    apps = new ApplicationsClient(stack.apiUrl);
    admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
    citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
    clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
  });

  afterAll(async () => {
    await stack?.stop();
    await receiver?.stop();
    await catcher?.stop();
  });

  const api = <T = Record<string, unknown>>(path: string, method = 'GET', body?: unknown) =>
    request<T>(`${stack.apiUrl}/api/admin/webhooks${path}`, { method, headers: bearer(admin), body });

  async function subscribe(path: string, fields: Record<string, unknown> = {}): Promise<Subscription> {
    const created = await api<Subscription>('', 'POST', {
      url: `${receiver.url}${path}`,
      events: STORY,
      ...fields,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    return created.body;
  }

  const deliveriesOf = async (subscriptionId: string): Promise<Delivery[]> => {
    const page = await api<{ items: Delivery[] }>(`/${subscriptionId}/deliveries?pageSize=100`);
    expect(page.status).toBe(200);
    return page.body.items;
  };

  /** Waits until the subscription has `count` deliveries, none pending. */
  const settled = (subscriptionId: string, count: number, timeoutMs = 60_000) =>
    eventually(async () => {
      const deliveries = await deliveriesOf(subscriptionId);
      return deliveries.length === count && deliveries.every((delivery) => delivery.state !== 'pending')
        ? deliveries
        : undefined;
    }, timeoutMs);

  async function pinged(
    subscription: Subscription,
  ): Promise<{ delivery: Delivery; request: ReceivedWebhook | undefined }> {
    const ping = await api<{ deliveryId: string }>(`/${subscription.id}/ping`, 'POST');
    expect(ping.status).toBe(202);
    const delivery = await eventually(async () => {
      const found = (await deliveriesOf(subscription.id)).find((item) => item.id === ping.body.deliveryId);
      return found && found.tries.length > 0 ? found : undefined;
    });
    const request = receiver.received.find((item) => item.headers['webhook-id'] === delivery.webhookId);
    return { delivery, request };
  }

  /** A household registration submitted, received and sent back for a supplement: three events. */
  async function fileWithStory(): Promise<string> {
    const draft = await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM);
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const id = draft.body.id;
    expect((await apps.upload(citizen, id, HOUSEHOLD_DOCUMENT, PDF_BYTES, 'de-nghi.pdf')).status).toBe(201);
    expect((await apps.act(citizen, id, 'submit')).status).toBe(200);
    expect((await apps.act(clerk, id, 'receive')).status).toBe(200);
    const asked = await apps.act(clerk, id, 'request_supplement', {
      reason: 'Thiếu hợp đồng thuê nhà',
      missingDocuments: [HOUSEHOLD_DOCUMENT],
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    return id;
  }

  it('refuses loopback, private and link-local targets at registration, naming url', async () => {
    for (const url of [
      'http://127.0.0.2:8080/hook',
      'http://10.0.0.7/hook',
      'http://192.168.1.20/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://[::1]:8080/hook',
      'http://[::ffff:127.0.0.1]:8080/hook',
      'http://localhost:8080/hook',
      'ftp://example.com/hook',
    ]) {
      const refused = await api<{ details: { field: string }[] }>('', 'POST', {
        url,
        events: ['file.decided'],
      });
      expect(refused.status, url).toBe(400);
      expect(refused.body.details.map((detail) => detail.field)).toEqual(['url']);
    }
    const badEvent = await api<{ details: { field: string }[] }>('', 'POST', {
      url: `${receiver.url}/x`,
      events: ['file.exploded'],
    });
    expect(badEvent.status).toBe(400);
    expect(badEvent.body.details.map((detail) => detail.field)).toEqual(['events']);
    const badAgency = await api<{ details: { field: string }[] }>('', 'POST', {
      url: `${receiver.url}/x`,
      events: ['file.decided'],
      agencies: ['NOWHERE'],
    });
    expect(badAgency.status).toBe(400);
    expect(badAgency.body.details.map((detail) => detail.field)).toEqual(['agencies']);
    expect((await api<Subscription[]>('')).body).toEqual([]);
  });

  it('signs each request so an independent HMAC verifies it; during a rotation both secrets sign', async () => {
    const subscription = await subscribe('/signed');
    const { delivery, request: first } = await pinged(subscription);
    expect(delivery).toMatchObject({
      state: 'delivered',
      attempts: 1,
      lastStatus: 204,
      eventType: 'webhook.ping',
    });
    expect(first).toBeDefined();
    expect(first!.headers['content-type']).toBe('application/json');
    expect(Math.abs(Number(first!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(300);
    expect(secretsThatSigned(first!, [subscription.secret!])).toEqual([subscription.secret]);
    expect(secretsThatSigned({ ...first!, body: `${first!.body} ` }, [subscription.secret!])).toEqual([]);
    expect(JSON.parse(first!.body)).toMatchObject({
      type: 'webhook.ping',
      data: { subscriptionId: subscription.id },
    });

    const rotated = await api<{ secret: string; previousSecretUntil: string }>(
      `/${subscription.id}/rotate-secret`,
      'POST',
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(subscription.secret);
    const { request: during } = await pinged(subscription);
    expect(String(during!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(secretsThatSigned(during!, [rotated.body.secret, subscription.secret!])).toEqual([
      rotated.body.secret,
      subscription.secret,
    ]);
    // The list never shows a secret.
    expect(JSON.stringify((await api('')).body)).not.toContain('whsec_');
  });

  it('delivers every event at least once to a receiver failing at random, in order per file, retrying with growing waits', async () => {
    // Fails about half the time: 500s, and 429s asking for a short wait.
    let calls = 0;
    receiver.on('/flaky', () => {
      calls += 1;
      const roll = Math.random();
      if (calls <= 2) return { status: 500 }; // at least one retry is certain
      if (roll < 0.35) return { status: 500 };
      if (roll < 0.5) return { status: 429, headers: { 'retry-after': '0' } };
      return { status: 200 };
    });
    const ordered = await subscribe('/flaky', { ordered: true });
    const personal = await subscribe('/personal', { personalData: true, agencies: ['QN-HL'] });
    const elsewhere = await subscribe('/elsewhere', { agencies: ['QN-STP'] });
    const files: string[] = [];
    for (let index = 0; index < FILES; index++) files.push(await fileWithStory());

    const deliveries = await settled(ordered.id, FILES * STORY.length, 120_000);
    expect(deliveries.every((delivery) => delivery.state === 'delivered')).toBe(true);
    const flaky = receiver.at('/flaky');
    // Every request is signed by the subscription's secret.
    for (const received of flaky)
      expect(secretsThatSigned(received, [ordered.secret!])).toEqual([ordered.secret]);
    // Every event was answered 2xx at least once.
    const accepted = new Set(
      flaky.filter((item) => item.answered < 300).map((item) => item.headers['webhook-id']),
    );
    expect(accepted).toEqual(new Set(deliveries.map((delivery) => delivery.webhookId)));
    // Per file, the receiver saw its story in order: no event is sent before the one before it succeeded.
    for (const id of files) {
      const seen = flaky
        .map(
          (item) =>
            JSON.parse(item.body) as { type: string; data: { applicationId: string; sequence: number } },
        )
        .filter((body) => body.data.applicationId === id);
      const types = seen.map((body) => body.type).filter((type, index, all) => type !== all[index - 1]);
      expect(types).toEqual(STORY);
      const sequences = seen.map((body) => body.data.sequence);
      expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    }
    // Waits grow: the second wait after a plain failure is longer than the first.
    const retried = deliveries.filter((delivery) =>
      delivery.tries.slice(0, 3).every((attempt) => attempt.status === 500),
    );
    for (const delivery of retried.filter((item) => item.tries.length >= 3)) {
      const [one, two, three] = delivery.tries.map((attempt) => Date.parse(attempt.at));
      expect(two - one).toBeGreaterThanOrEqual(FIRST_RETRY_MS * 0.75);
      expect(three - two).toBeGreaterThanOrEqual(FIRST_RETRY_MS * 4 * 0.75);
    }
    const first = deliveries.find((delivery) => delivery.tries[0]?.status === 500)!;
    expect(first.tries.length).toBeGreaterThanOrEqual(2);
    expect(Date.parse(first.tries[1].at) - Date.parse(first.tries[0].at)).toBeGreaterThanOrEqual(
      FIRST_RETRY_MS * 0.75,
    );

    // Ids and states only, unless the subscription has the personal-data scope.
    const personalData = [HOUSEHOLD_FORM.fullName, '022090001234', 'citizen@demo.onegate.vn'];
    for (const received of flaky) for (const text of personalData) expect(received.body).not.toContain(text);
    const body = JSON.parse(flaky[0].body) as { data: Record<string, unknown> };
    expect(Object.keys(body.data).sort()).toEqual(
      [
        'action',
        'agencyCode',
        'applicationId',
        'channel',
        'code',
        'eventId',
        'fromState',
        'procedureCode',
        'sequence',
        'toState',
      ].sort(),
    );
    await settled(personal.id, FILES * STORY.length);
    const withScope = receiver.at('/personal');
    expect(withScope.length).toBeGreaterThanOrEqual(FILES * STORY.length);
    expect(withScope[0].body).toContain('022090001234');
    expect(JSON.parse(withScope[0].body)).toMatchObject({
      data: { applicant: { nationalId: '022090001234' } },
    });
    // A subscription for another agency hears nothing of these files.
    expect(await deliveriesOf(elsewhere.id)).toEqual([]);
  }, 180_000);

  it('tells of answered feedback in the subscribed agencies only, its texts only with the personal-data scope', async () => {
    const plain = await subscribe('/feedback', { events: ['feedback.answered'], agencies: ['QN-HL'] });
    const personal = await subscribe('/feedback-personal', {
      events: ['feedback.answered'],
      personalData: true,
    });
    const other = await subscribe('/feedback-other', { events: ['feedback.answered'], agencies: ['QN-STP'] });
    const filed = await request<{ id: string; code: string; dueAt: string }>(`${stack.apiUrl}/api/feedback`, {
      method: 'POST',
      headers: bearer(citizen),
      body: {
        kind: 'petition',
        agencyCode: 'QN-HL',
        subject: 'Chỗ ngồi chờ',
        body: 'Phòng chờ thiếu ghế ngồi.',
      },
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const answer = 'Đã bổ sung ghế ngồi tại phòng chờ.';
    const answered = await request(`${stack.apiUrl}/api/staff/feedback/${filed.body.id}/answer`, {
      method: 'POST',
      headers: bearer(clerk),
      body: { answer },
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);

    const [delivery] = await settled(plain.id, 1);
    expect(delivery).toMatchObject({
      state: 'delivered',
      eventType: 'feedback.answered',
      applicationId: null,
    });
    const [received] = receiver.at('/feedback');
    expect(secretsThatSigned(received!, [plain.secret!])).toEqual([plain.secret]);
    const body = JSON.parse(received!.body) as { type: string; data: Record<string, unknown> };
    expect(body.type).toBe('feedback.answered');
    expect(body.data).toMatchObject({
      feedbackId: filed.body.id,
      code: filed.body.code,
      kind: 'petition',
      agencyCode: 'QN-HL',
      applicationId: null,
      dueAt: filed.body.dueAt,
      onTime: true,
    });
    expect(received!.body).not.toContain(answer);
    expect(received!.body).not.toContain('Chỗ ngồi chờ');

    await settled(personal.id, 1);
    const [withTexts] = receiver.at('/feedback-personal');
    expect(JSON.parse(withTexts!.body).data).toMatchObject({ subject: 'Chỗ ngồi chờ', answer });
    expect(await deliveriesOf(other.id)).toEqual([]);
    for (const subscription of [plain, personal, other])
      expect((await api(`/${subscription.id}`, 'DELETE')).status).toBe(204);
  });

  it('makes each try once when jobs meet on one delivery, and leaves no delivery due without a job', async () => {
    const deliveries = stack.worker!.get(WebhookDeliveries);
    let calls = 0;
    receiver.on('/meet', () => (++calls === 1 ? 'hang' : { status: 204 }));
    const hook = await subscribe('/meet');
    const ping = await api<{ deliveryId: string }>(`/${hook.id}/ping`, 'POST');
    expect(ping.status).toBe(202);
    const deliveryId = ping.body.deliveryId;
    // Three more jobs for the same delivery, at the same moment as its own: one request alone is made.
    // The try in flight hangs until released (well within the 5 s time limit of a request here).
    const racing = Promise.all([1, 2, 3].map(() => deliveries.deliver({ deliveryId })));
    await eventually(async () => (receiver.hangingCount === 1 ? true : undefined));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(receiver.at('/meet')).toHaveLength(1);
    receiver.releaseHanging();
    await racing;
    const [delivered] = await settled(hook.id, 1);
    expect(delivered).toMatchObject({ state: 'delivered', attempts: 1 });
    expect(delivered.tries).toHaveLength(1);

    // A delivery put back as due later, whose only job comes early: that job looks again at its time.
    const webhooks = stack.worker!.get(WebhookRepository);
    await stack.worker!.get(TransactionRunner).run((manager) =>
      webhooks.updateDelivery(manager, deliveryId, {
        state: 'pending',
        nextAttemptAt: new Date(Date.now() + 1_500),
      }),
    );
    await deliveries.deliver({ deliveryId });
    expect(receiver.at('/meet')).toHaveLength(1);
    await eventually(async () => (receiver.at('/meet').length === 2 ? true : undefined), 20_000);
    expect((await settled(hook.id, 1))[0]).toMatchObject({ state: 'delivered', attempts: 2 });
  });

  it('refuses a target again at delivery, follows no redirect, and redelivers what failed', async () => {
    receiver.on('/moved', () => ({ status: 302, headers: { location: `${receiver.url}/landing` } }));
    const moved = await subscribe('/moved');
    const { delivery: redirected } = await pinged(moved);
    expect(redirected.tries[0]).toMatchObject({ status: 302, error: 'redirect not followed' });
    expect(redirected.state).toBe('pending');
    expect(receiver.at('/landing')).toEqual([]);

    // The allow-list no longer names 127.0.0.1: the registered target is refused at its next delivery.
    const hook = await subscribe('/guarded');
    const allowed = stack.config.webhooks.allowedHosts as string[];
    allowed.splice(0, allowed.length);
    try {
      const { delivery } = await pinged(hook);
      expect(delivery.tries[0].status).toBeNull();
      expect(delivery.tries[0].error).toMatch(/^refused: 127\.0\.0\.1 resolves to 127\.0\.0\.1/);
      expect(receiver.at('/guarded')).toEqual([]);
    } finally {
      allowed.push('127.0.0.1');
    }
    await eventually(async () => (receiver.at('/guarded').length > 0 ? true : undefined), 30_000);

    // A receiver gone (410) disables its subscription, and its owner is told by e-mail.
    receiver.on('/gone', () => ({ status: 410 }));
    const gone = await subscribe('/gone');
    const { delivery: refused } = await pinged(gone);
    expect(refused).toMatchObject({ state: 'failed', lastStatus: 410 });
    expect((await api<Subscription>(`/${gone.id}`)).body).toMatchObject({
      enabled: false,
      disabledReason: 'gone',
    });
    const mail = await eventually(async () =>
      catcher.messages.find((message) => message.subject.includes(`${receiver.url}/gone`)),
    );
    expect(mail.to).toEqual(['admin@demo.onegate.vn']);

    // Enabled again and redelivered: the failed delivery reaches the receiver, now answering.
    receiver.on('/gone', () => ({ status: 204 }));
    expect((await api(`/${gone.id}`, 'PATCH', { enabled: true })).status).toBe(200);
    const again = await api<{ redelivered: number }>(`/${gone.id}/redeliver-failed`, 'POST');
    expect(again.body).toEqual({ redelivered: 1 });
    const [redelivered] = await settled(gone.id, 1);
    expect(redelivered).toMatchObject({ state: 'delivered', attempts: 2, lastStatus: 204 });
    const one = await api<{ redelivered: number }>(
      `/${gone.id}/deliveries/${redelivered.id}/redeliver`,
      'POST',
    );
    expect(one.body).toEqual({ redelivered: 1 });
    await eventually(async () => ((await deliveriesOf(gone.id))[0].attempts === 3 ? true : undefined));

    expect((await api(`/${moved.id}`, 'DELETE')).status).toBe(204);
    expect((await api(`/${moved.id}`)).status).toBe(404);
  });

  it('lets an administrator register a subscription from the pages, see its secret once, and its deliveries', async () => {
    const session = { cookie: `onegate_session=${admin.accessToken}; onegate_lang=en` };
    const list = await fetch(`${stack.apiUrl}/admin/webhooks`, { headers: session });
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain('Add a subscription');
    const post = (fields: [string, string][]) =>
      fetch(`${stack.apiUrl}/admin/webhooks`, {
        method: 'POST',
        redirect: 'manual',
        headers: { ...session, 'content-type': FORM, origin: stack.apiUrl },
        body: new URLSearchParams([['_csrf', csrfOf(html)], ...fields]).toString(),
      });
    const refused = await post([
      ['url', 'http://10.1.2.3/hook'],
      ['events', 'file.decided'],
    ]);
    expect(refused.status).toBe(400);
    const refusal = await refused.text();
    expect(refusal).toContain('govuk-error-summary');
    expect(refusal).toContain('private, loopback or link-local address');
    expect(refusal).toContain('value="http://10.1.2.3/hook"');

    const created = await post([
      ['url', `${receiver.url}/from-page`],
      ['description', 'Cổng dịch vụ công quốc gia'],
      ['events', 'file.decided'],
      ['events', 'file.returned'],
      ['agencies', 'QN-HL, QN-STP'],
      ['ordered', 'true'],
    ]);
    expect(created.status).toBe(201);
    const page = await created.text();
    // Handlebars escapes the base64 padding as an entity; the browser shows `=`.
    const secret = /id="webhook-secret">(whsec_[^<]+)</.exec(page)![1]!.replace(/&#x3D;/g, '=');
    const subscription = (await api<Subscription[]>('')).body.find(
      (item) => item.url === `${receiver.url}/from-page`,
    )!;
    expect(subscription).toMatchObject({
      events: ['file.decided', 'file.returned'],
      agencies: ['QN-HL', 'QN-STP'],
      ordered: true,
    });
    const { request: pingRequest } = await pinged(subscription);
    expect(secretsThatSigned(pingRequest!, [secret])).toEqual([secret]);

    const shown = await (
      await fetch(`${stack.apiUrl}/admin/webhooks/${subscription.id}`, { headers: session })
    ).text();
    expect(shown).not.toContain('whsec_');
    expect(shown).toContain('webhook.ping');
    expect(shown).toContain('Delivered');
  });
});
