import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';
import { JobDispatcher, JobName } from '@onegate/jobs';
import type { JobPayloads } from '@onegate/jobs';
import { gsm7Length, SMS_LIMIT, TextMessageStandIn } from '@onegate/notifications';
import { Notification, TextMessage } from '@onegate/persistence';

import { bearer, newCitizen, registerVerified } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT } from './support/demo-facts';
import { eventually, request } from './support/http';
import { confirmOnlinePayment } from './support/payments';
import { SmtpCatcher } from './support/smtp-catcher';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const TOKEN = 'text-messages-test-token';
const HOURLY_LIMIT = 3;
const MINUTE = 60_000;

interface Me {
  nationalId: string;
  phone: string | null;
  phoneVerified: boolean;
  channels: string[];
}

interface Refusal {
  message: string;
  reason?: string;
  details?: { field: string; problems: string[] }[];
}

/** A Vietnamese mobile number no other test uses, as typed and as stored. */
function uniquePhone() {
  const digits = String(Date.now() * 100 + Math.floor(Math.random() * 100)).slice(-8);
  return { typed: `09${digits}`, stored: `+849${digits}` };
}

describe(`text messages: SMS and Zalo notices, phone verification (${testDatabaseKind()})`, () => {
  let catcher: SmtpCatcher;
  let standIn: TextMessageStandIn;
  let stack: TestStack;
  let apps: ApplicationsClient;

  beforeAll(async () => {
    catcher = await SmtpCatcher.start();
    standIn = await TextMessageStandIn.start({ port: 0, token: TOKEN });
    stack = await TestStack.start({
      configure: (config) =>
        new AppConfig({
          ...config,
          smtpUrl: catcher.url,
          authRateLimit: 10_000,
          textMessages: {
            url: standIn.url,
            token: TOKEN,
            standInPort: 0,
            timeoutMs: 5_000,
            hourlyLimit: HOURLY_LIMIT,
          },
        } as AppConfig),
    });
    apps = new ApplicationsClient(stack.apiUrl);
  });

  afterEach(() => {
    stack.freezeClock(null);
    standIn.failWith({});
  });
  afterAll(async () => {
    await stack?.stop();
    await standIn?.stop();
    await catcher?.stop();
  });

  const jobs = () => stack.api.get(JobDispatcher);

  async function runJob<Name extends JobName>(name: Name, payload: JobPayloads[Name], jobId: string) {
    const id = await jobs().dispatch(name, payload, { jobId });
    await eventually(async () => {
      const job = await jobs().queueOf(name).getJob(id);
      if ((await job?.getState()) === 'failed') throw new Error(`${name} failed: ${job?.failedReason}`);
      return (await job?.getState()) === 'completed' ? true : undefined;
    });
  }

  async function notificationsSettled() {
    await eventually(async () => {
      const counts = await jobs()
        .queueOf(JobName.SendNotification)
        .getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(counts).every((count) => count === 0) ? true : undefined;
    });
  }

  const me = async (tokens: Tokens) =>
    (await request<Me>(`${stack.apiUrl}/api/me`, { headers: bearer(tokens) })).body;

  const requestCode = (tokens: Tokens) =>
    request<Refusal & { expiresAt?: string }>(`${stack.apiUrl}/api/me/phone/code`, {
      method: 'POST',
      headers: bearer(tokens),
    });

  const confirm = (tokens: Tokens, code: string) =>
    request<Refusal & Me>(`${stack.apiUrl}/api/me/phone/confirm`, {
      method: 'POST',
      headers: bearer(tokens),
      body: { code },
    });

  const chooseChannels = (tokens: Tokens, channels: unknown) =>
    request<Refusal & Me>(`${stack.apiUrl}/api/me`, {
      method: 'PATCH',
      headers: bearer(tokens),
      body: { channels },
    });

  /** The newest code the stand-in received for a number. */
  function lastCode(phone: string): string {
    const text = standIn.accepted(phone).at(-1)?.text ?? '';
    return /\b(\d{6})\b/.exec(text)?.[1] ?? '';
  }

  async function citizenWithPhone(language: 'vi' | 'en') {
    const phone = uniquePhone();
    const citizen = newCitizen({ language, phone: phone.typed });
    const tokens = await registerVerified(stack.apiUrl, catcher, citizen);
    return { tokens, phone: phone.stored };
  }

  async function verifiedCitizen(language: 'vi' | 'en', channels: string[]) {
    const citizen = await citizenWithPhone(language);
    expect((await requestCode(citizen.tokens)).status).toBe(202);
    expect((await confirm(citizen.tokens, lastCode(citizen.phone))).status).toBe(200);
    const chosen = await chooseChannels(citizen.tokens, channels);
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body.channels).toEqual(channels);
    return citizen;
  }

  /** A household-business file submitted by the citizen: it raises `file_submitted`. */
  async function submittedFile(tokens: Tokens) {
    const { nationalId } = await me(tokens);
    const draft = await apps.create(tokens, HOUSEHOLD, {
      fullName: 'Nguyễn Văn A',
      nationalId,
      phone: '0912345678',
      businessName: 'Tạp hoá Bình An',
      capital: 50_000_000,
    });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const id = draft.body.id;
    expect((await apps.upload(tokens, id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    await confirmOnlinePayment(stack, id, `PG-${id.slice(0, 8)}`);
    const submitted = await apps.act(tokens, id, 'submit');
    expect(submitted.status).toBe(200);
    await notificationsSettled();
    return { id, code: (await apps.get(tokens, id)).body.code! };
  }

  const textsOf = (notificationId: string) =>
    stack.apiDataSource.getRepository(TextMessage).find({ where: { notificationId } });

  it('verifies a phone number with a six-digit code sent by SMS; a wrong code says how many tries are left', async () => {
    const { tokens, phone } = await citizenWithPhone('vi');
    expect((await me(tokens)).phoneVerified).toBe(false);
    const refused = await chooseChannels(tokens, ['email', 'sms']);
    expect(refused.status).toBe(400);
    expect(refused.body.details?.[0]?.field).toBe('channels');

    const asked = await requestCode(tokens);
    expect(asked.status).toBe(202);
    const sms = standIn.accepted(phone);
    expect(sms).toHaveLength(1);
    expect(sms[0]!.channel).toBe('sms');
    expect(sms[0]!.text).toMatch(/^OneGate: Ma xac minh so dien thoai cua ban la \d{6}, hieu luc 10 phut/);
    expect(gsm7Length(sms[0]!.text)).toBeLessThanOrEqual(SMS_LIMIT);
    const code = lastCode(phone);
    const wrong = code === '000000' ? '000001' : '000000';

    const miss = await confirm(tokens, wrong);
    expect(miss.status).toBe(400);
    expect(miss.body.details).toEqual([{ field: 'code', problems: ['the code is wrong (4 tries left)'] }]);
    const malformed = await confirm(tokens, '12ab');
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(malformed.body)).toContain('code');

    const right = await confirm(tokens, code);
    expect(right.status).toBe(200);
    expect(right.body.phoneVerified).toBe(true);
    expect((await chooseChannels(tokens, ['sms', 'zns'])).body.channels).toEqual(['sms', 'zns']);
    // Spent: the same code does nothing again, and a verified number asks for no code.
    expect((await confirm(tokens, code)).status).toBe(409);
    expect((await requestCode(tokens)).status).toBe(409);

    // Only the code's keyed hash is stored.
    const stored = await stack.apiDataSource.query('SELECT * FROM phone_verification_codes');
    expect(JSON.stringify(stored)).not.toContain(code);

    // A new number is not verified, and SMS and Zalo are dropped until it is.
    const changed = await request<Me>(`${stack.apiUrl}/api/me`, {
      method: 'PATCH',
      headers: bearer(tokens),
      body: { phone: uniquePhone().typed },
    });
    expect(changed.body.phoneVerified).toBe(false);
    expect(changed.body.channels).toEqual([]);
  });

  it('refuses an expired code, a code after five wrong tries, and a fourth code for one number in an hour', async () => {
    const start = new Date();
    stack.freezeClock(start);
    const { tokens, phone } = await citizenWithPhone('en');
    expect((await requestCode(tokens)).status).toBe(202);
    const code = lastCode(phone);
    stack.freezeClock(new Date(start.getTime() + 10 * MINUTE + 1));
    const expired = await confirm(tokens, code);
    expect(expired.status).toBe(400);
    expect(expired.body.details).toEqual([
      { field: 'code', problems: ['the code has expired: ask for a new one'] },
    ]);

    expect((await requestCode(tokens)).status).toBe(202);
    const second = lastCode(phone);
    const wrong = second === '000000' ? '000001' : '000000';
    for (let left = 4; left > 0; left--) {
      expect((await confirm(tokens, wrong)).body.details?.[0]?.problems).toEqual([
        `the code is wrong (${left} tries left)`,
      ]);
    }
    const fifth = await confirm(tokens, wrong);
    expect(fifth.body.details?.[0]?.problems).toEqual(['too many wrong codes: ask for a new one']);
    // The right code no longer helps once the tries are spent.
    expect((await confirm(tokens, second)).body.details?.[0]?.problems).toEqual([
      'too many wrong codes: ask for a new one',
    ]);

    expect((await requestCode(tokens)).status).toBe(202);
    const fourth = await requestCode(tokens);
    expect(fourth.status).toBe(429);
    expect(fourth.body.details?.[0]?.field).toBe('phone');
    expect(standIn.accepted(phone)).toHaveLength(3);
    // An hour later the number may be sent a code again.
    stack.freezeClock(new Date(start.getTime() + 71 * MINUTE));
    expect((await requestCode(tokens)).status).toBe(202);
  });

  it('sends a notice once, in the citizen’s language, only on the chosen channels; an unverified number gets nothing', async () => {
    const english = await verifiedCitizen('en', ['email', 'sms', 'zns']);
    const vietnamese = await verifiedCitizen('vi', ['sms']);
    const unverified = await citizenWithPhone('vi');

    const enFile = await submittedFile(english.tokens);
    const viFile = await submittedFile(vietnamese.tokens);
    await submittedFile(unverified.tokens);

    const enTexts = await eventually(async () => {
      const texts = standIn.accepted(english.phone).filter((text) => text.text.includes('was submitted'));
      return texts.length >= 2 ? texts : undefined;
    });
    expect(enTexts.map((text) => text.channel).sort()).toEqual(['sms', 'zns']);
    for (const text of enTexts) {
      expect(text.text).toBe(
        `OneGate: File ${enFile.code} was submitted. See ${stack.config.publicUrl}/my/applications/${enFile.id}`,
      );
      expect(gsm7Length(text.text)).toBeLessThanOrEqual(SMS_LIMIT);
    }
    expect(new Set(enTexts.map((text) => text.idempotencyKey)).size).toBe(2);

    const viTexts = await eventually(async () => {
      const texts = standIn.accepted(vietnamese.phone).filter((text) => text.text.includes('da duoc nop'));
      return texts.length >= 1 ? texts : undefined;
    });
    expect(viTexts).toHaveLength(1);
    expect(viTexts[0]!.channel).toBe('sms');
    expect(viTexts[0]!.text).toBe(
      `OneGate: Ho so ${viFile.code} da duoc nop. Xem: ${stack.config.publicUrl}/my/applications/${viFile.id}`,
    );
    // Never the national ID: only the code and the link.
    expect(viTexts[0]!.text).not.toContain((await me(vietnamese.tokens)).nationalId);

    expect(standIn.received.filter((text) => text.to === unverified.phone)).toEqual([]);
    // The e-mail went where it was chosen, and not to the citizen who chose SMS alone.
    const sms = await stack.apiDataSource
      .getRepository(Notification)
      .findOneByOrFail({ applicationId: viFile.id, kind: 'file_submitted' });
    expect(sms.emailStatus).toBe('none');

    // Stored sealed: neither the number nor the text in the clear.
    const raw = await stack.apiDataSource.query('SELECT phone, body FROM text_messages');
    expect(JSON.stringify(raw)).not.toContain(vietnamese.phone);
    expect(JSON.stringify(raw)).not.toContain('da duoc nop');
  });

  it('sends nothing twice when the notification job runs again, or twice at once', async () => {
    const citizen = await verifiedCitizen('en', ['sms']);
    const file = await submittedFile(citizen.tokens);
    await eventually(async () => (standIn.accepted(citizen.phone).length >= 2 ? true : undefined));
    const notification = await stack.apiDataSource
      .getRepository(Notification)
      .findOneByOrFail({ applicationId: file.id, kind: 'file_submitted' });
    const payload: JobPayloads[JobName.SendNotification] = {
      key: notification.notificationKey,
      kind: 'file_submitted',
      applicationId: file.id,
      recipient: { userId: notification.recipientUserId! },
      facts: {},
    };
    const before = standIn.received.filter((text) => text.to === citizen.phone).length;
    await runJob(JobName.SendNotification, payload, `again-${file.id}`);
    await Promise.all([
      runJob(JobName.SendNotification, payload, `race-a-${file.id}`),
      runJob(JobName.SendNotification, payload, `race-b-${file.id}`),
      runJob(JobName.SendDueTexts, {}, `due-race-${file.id}`),
    ]);
    expect(standIn.received.filter((text) => text.to === citizen.phone)).toHaveLength(before);
    const rows = await textsOf(notification.id);
    expect(rows.map((row) => [row.channel, row.status])).toEqual([['sms', 'sent']]);
  });

  it('retries a message the provider could not take, later, and sends it once', async () => {
    const start = new Date();
    stack.freezeClock(start);
    const citizen = await verifiedCitizen('en', ['sms']);
    const file = await submittedFile(citizen.tokens);
    const { id: userId } = (await me(citizen.tokens)) as unknown as { id: string };
    standIn.failWith({ next: 1, status: 503 });
    const key = `${file.id}:file_submitted:retried`;
    await runJob(
      JobName.SendNotification,
      { key, kind: 'file_submitted', applicationId: file.id, recipient: { userId }, facts: {} },
      `retried-${file.id}`,
    );
    const notification = await stack.apiDataSource
      .getRepository(Notification)
      .findOneByOrFail({ notificationKey: key });
    const [waiting] = await textsOf(notification.id);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, error: 'answered HTTP 503' });
    const tries = () => standIn.received.filter((text) => text.idempotencyKey === waiting!.id);
    expect(tries().map((text) => text.status)).toEqual([503]);
    stack.freezeClock(new Date(start.getTime() + MINUTE));
    await runJob(JobName.SendDueTexts, {}, `due-retry-${file.id}`);
    await runJob(JobName.SendDueTexts, {}, `due-retry-again-${file.id}`);
    const [sent] = await textsOf(notification.id);
    expect(sent!.status).toBe('sent');
    expect(tries().map((text) => text.status)).toEqual([503, 202]);
  });

  it('delays notices past the hourly limit per number, and sends them when the hour has room', async () => {
    const start = new Date();
    stack.freezeClock(start);
    // The verification code does not count: the limit is on notices.
    const citizen = await verifiedCitizen('vi', ['sms']);
    const file = await submittedFile(citizen.tokens);
    const userId = (await me(citizen.tokens)) as unknown as { id: string };
    for (let extra = 1; extra <= HOURLY_LIMIT; extra++) {
      await runJob(
        JobName.SendNotification,
        {
          key: `${file.id}:file_submitted:extra-${extra}`,
          kind: 'file_submitted',
          applicationId: file.id,
          recipient: { userId: userId.id },
          facts: {},
        },
        `extra-${extra}-${file.id}`,
      );
    }
    const notices = () => standIn.accepted(citizen.phone).filter((text) => text.text.includes(file.code));
    // The file's own notices (its submission, and its fee when the code was given by then) came first.
    const own = await eventually(async () => {
      const rows = await stack.apiDataSource.getRepository(TextMessage).find();
      return rows.filter((row) => row.phone === citizen.phone);
    });
    expect(notices()).toHaveLength(HOURLY_LIMIT);
    const delayed = (
      await stack.apiDataSource.getRepository(TextMessage).find({ where: { status: 'pending' } })
    ).filter((row) => row.phone === citizen.phone);
    expect(delayed).toHaveLength(own.length - HOURLY_LIMIT);
    expect(delayed.length).toBeGreaterThan(0);
    for (const row of delayed) expect(row.notBefore.getTime()).toBe(start.getTime() + 60 * MINUTE);

    // Not yet: the hour is not over.
    stack.freezeClock(new Date(start.getTime() + 59 * MINUTE));
    await runJob(JobName.SendDueTexts, {}, `due-early-${file.id}`);
    expect(notices()).toHaveLength(HOURLY_LIMIT);

    stack.freezeClock(new Date(start.getTime() + 61 * MINUTE));
    await runJob(JobName.SendDueTexts, {}, `due-late-${file.id}`);
    expect(notices()).toHaveLength(own.length);
    for (const row of delayed) expect((await textsOf(row.notificationId))[0]!.status).toBe('sent');
  });

  it('lets the citizen confirm the phone and choose the channels on the profile page, in plain words', async () => {
    const { tokens, phone } = await citizenWithPhone('vi');
    const cookie = `onegate_session=${tokens.accessToken}`;
    const page = async () => {
      const response = await fetch(`${stack.apiUrl}/account`, { headers: { cookie }, redirect: 'manual' });
      return response.text();
    };
    const post = async (path: string, fields: [string, string][]) => {
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page())![1]!;
      const response = await fetch(`${stack.apiUrl}${path}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams([['_csrf', csrf], ...fields]).toString(),
      });
      return {
        status: response.status,
        location: response.headers.get('location'),
        html: await response.text(),
      };
    };
    const before = await page();
    expect(before).toContain('Xác minh số điện thoại');
    expect(before).toMatch(/id="channels-sms"[^>]* disabled/);
    const refused = await post('/account/channels', [['channels', 'fax']]);
    expect(refused.status).toBe(400);
    expect(refused.html).toContain('href="#channels"');
    const early = await post('/account/channels', [['channels', 'sms']]);
    expect(early.status).toBe(400);
    expect(early.html).toContain('SMS và Zalo chỉ chọn được khi số điện thoại đã được xác minh.');
    expect((await me(tokens)).channels).toEqual(['email']);

    const sent = await post('/account/phone/code', []);
    expect([sent.status, sent.location]).toEqual([303, '/account?notice=phoneCodeSent#phone-code']);
    const code = lastCode(phone);
    const wrong = await post('/account/phone/confirm', [['code', code === '000000' ? '000001' : '000000']]);
    expect(wrong.status).toBe(400);
    expect(wrong.html).toContain('Mã không đúng. Hãy nhập 6 chữ số trong tin nhắn SMS (còn 4 lần thử).');
    expect(wrong.html).toContain('href="#code"');

    const right = await post('/account/phone/confirm', [['code', `${code.slice(0, 3)} ${code.slice(3)}`]]);
    expect([right.status, right.location]).toEqual([303, '/account?notice=phoneVerified']);
    const chosen = await post('/account/channels', [
      ['channels', 'sms'],
      ['channels', 'zns'],
    ]);
    expect([chosen.status, chosen.location]).toEqual([303, '/account?notice=channelsSaved#channels']);
    const after = await page();
    expect(after).not.toContain('Xác minh số điện thoại');
    expect(after).toMatch(/id="channels-sms"[^>]* checked/);
    expect(after).not.toMatch(/id="channels"[^>]* checked/);
    expect((await me(tokens)).channels).toEqual(['sms', 'zns']);
  });
});
