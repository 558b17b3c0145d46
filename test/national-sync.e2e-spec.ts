import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { AppConfig } from '@onegate/config';
import { HttpNationalPortal, NationalPortalStandIn } from '@onegate/national-sync';
import type { PendingSyncDto, StandInRequest } from '@onegate/national-sync';

import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { Tokens } from './support/accounts';
import { ApplicationsClient, PDF_BYTES } from './support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from './support/demo-facts';
import { eventually, request } from './support/http';
import { confirmOnlinePayment } from './support/payments';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

const USERNAME = 'onegate-test';
const PASSWORD = 'stand-in-secret';
const UNIT_CODE = 'TEST.H45';
const FILES = 3;
/** The portal's codes of the story below, in order (docs/integrations.md, "The status mapping"). */
const STORY_CODES = ['1', '5', '2', '8', '10'];

/** `yyyyMMddHHmmss` in Viet Nam time, written here from the portal's facts. */
const portalTime = (iso: string) =>
  new Date(Date.parse(iso) + 7 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14);

interface FileEvent {
  type: string;
  at: string;
  fromState: string | null;
  toState: string;
}

/**
 * Synchronisation with the national portal end to end: files' status changes reach a stand-in portal
 * that fails at random, through the outbox and the worker, each change accepted exactly once and in
 * order per file; a file whose change keeps failing is listed as pending until it is accepted.
 */
describe(`national portal synchronisation (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let standIn: NationalPortalStandIn;
  let admin: Tokens;
  let citizen: Tokens;
  let clerk: Tokens;
  let apps: ApplicationsClient;

  beforeAll(async () => {
    standIn = await NationalPortalStandIn.start({ port: 0, username: USERNAME, password: PASSWORD });
    stack = await TestStack.start({
      configure: (config) =>
        new AppConfig({
          ...config,
          nationalPortal: {
            ...config.nationalPortal,
            url: standIn.url,
            username: USERNAME,
            password: PASSWORD,
            unitCode: UNIT_CODE,
            timeoutMs: 3_000,
            retryFirstMs: 100,
            retryLongestMs: 1_000,
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
    await standIn?.stop();
  });

  const pending = async (): Promise<PendingSyncDto[]> => {
    const answer = await request<PendingSyncDto[]>(`${stack.apiUrl}/api/admin/national-sync/pending`, {
      headers: bearer(admin),
    });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  /** A household registration submitted and received: answers its id and receipt code. */
  async function receivedFile(): Promise<{ id: string; code: string }> {
    const draft = await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM);
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const id = draft.body.id;
    expect((await apps.upload(citizen, id, HOUSEHOLD_DOCUMENT, PDF_BYTES, 'de-nghi.pdf')).status).toBe(201);
    await confirmOnlinePayment(stack, id, `PG-${id}`);
    expect((await apps.act(citizen, id, 'submit')).status).toBe(200);
    const received = await apps.act(clerk, id, 'receive');
    expect(received.status).toBe(200);
    return { id, code: received.body.code as string };
  }

  async function askSupplement(id: string): Promise<void> {
    const asked = await apps.act(clerk, id, 'request_supplement', {
      reason: 'Thiếu giấy đề nghị có chữ ký',
      missingDocuments: [HOUSEHOLD_DOCUMENT],
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
  }

  /** Received, sent back for a supplement, supplemented, approved, signed and returned. */
  async function walk(id: string): Promise<FileEvent[]> {
    await askSupplement(id);
    expect((await apps.upload(citizen, id, HOUSEHOLD_DOCUMENT, PDF_BYTES, 'de-nghi-2.pdf')).status).toBe(201);
    const supplemented = await apps.act(citizen, id, 'supplement');
    expect(supplemented.body.state, JSON.stringify(supplemented.body)).toBe('in_progress');
    expect((await apps.act(clerk, id, 'approve')).body.state).toBe('decided');
    await eventually(async () => ((await apps.get(clerk, id)).body.signed ? true : undefined));
    const returned = await apps.act(clerk, id, 'return');
    expect(returned.body.state, JSON.stringify(returned.body)).toBe('returned');
    return returned.body.events as unknown as FileEvent[];
  }

  /** The portal's code of each state in the story, written here from docs/integrations.md. */
  const CODE_OF: Record<string, string> = {
    received: '1',
    in_progress: '2',
    supplement_requested: '5',
    decided: '8',
    returned: '10',
  };

  /**
   * Criterion 1d for today, by hand: the files received today (every received file of this suite)
   * whose state now is the one the stand-in holds, dossier and last step alike, over those files.
   */
  async function synchronisedByHand(): Promise<{ numerator: number; denominator: number }> {
    const files: { code: string; state: string }[] = await stack.apiDataSource.query(
      'SELECT code, state FROM applications WHERE received_at IS NOT NULL',
    );
    const numerator = files.filter((file) => {
      const held = standIn.files.get(file.code);
      const steps = (held?.TienDo ?? []) as Record<string, string>[];
      return held?.TrangThaiHoSo === CODE_OF[file.state] && steps.at(-1)?.TrangThai === CODE_OF[file.state];
    }).length;
    return { numerator, denominator: files.length };
  }

  async function criterion1d(): Promise<{ numerator: number; denominator: number; rate: number }> {
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const answer = await request<{
      criteria: { id: string; numerator: number; denominator: number; rate: number }[];
    }>(`${stack.apiUrl}/api/reports/service-index?from=${today}&to=${today}`, { headers: bearer(admin) });
    expect(answer.status).toBe(200);
    const { numerator, denominator, rate } = answer.body.criteria.find((criterion) => criterion.id === '1d')!;
    return { numerator, denominator, rate };
  }

  /** The requests about one file, in the order the stand-in received them. */
  const requestsOf = (code: string): StandInRequest[] =>
    standIn.received.filter((item) => {
      const data = Array.isArray(item.body.data) ? (item.body.data[0] as Record<string, unknown>) : {};
      return data.MaHoSo === code;
    });
  const itemOf = (item: StandInRequest) => (item.body.data as Record<string, string>[])[0]!;

  it('tells the portal every status change of every file, accepted once each, in order, while it fails at random', async () => {
    standIn.failWith({ share: 0.35 });
    const files: { id: string; code: string; events: FileEvent[] }[] = [];
    await Promise.all(
      Array.from({ length: FILES }, async () => {
        const file = await receivedFile();
        files.push({ ...file, events: await walk(file.id) });
      }),
    );
    const ours = new Set(files.map((file) => file.id));
    await eventually(async () => {
      const waiting = (await pending()).filter((item) => ours.has(item.applicationId));
      return waiting.length === 0 ? true : undefined;
    }, 90_000);
    standIn.failWith({});

    expect(standIn.received.some((item) => item.answer !== '00')).toBe(true);
    for (const file of files) {
      const changes = file.events.filter(
        (event) =>
          event.fromState !== event.toState && event.toState !== 'draft' && event.toState !== 'submitted',
      );
      expect(changes.map((event) => event.toState)).toEqual([
        'received',
        'supplement_requested',
        'in_progress',
        'decided',
        'returned',
      ]);
      const accepted = requestsOf(file.code).filter((item) => item.answer === '00');
      // Each change once: its dossier, then its step, and the next change only after.
      expect(
        accepted.map((item) => `${item.service}:${itemOf(item).TrangThaiHoSo ?? itemOf(item).TrangThai}`),
      ).toEqual(STORY_CODES.flatMap((code) => [`DongBoHoSoMC:${code}`, `CapNhatTienDoHoSoMC:${code}`]));
      const dossiers = accepted.filter((item) => item.service === 'DongBoHoSoMC');
      expect(dossiers.map((item) => item.body.isUpdating)).toEqual(['False', 'True', 'True', 'True', 'True']);
      expect(dossiers.every((item) => item.body.madonvi === UNIT_CODE)).toBe(true);
      const steps = accepted.filter((item) => item.service === 'CapNhatTienDoHoSoMC').map(itemOf);
      expect(steps.map((step) => step.ThoiDiemXuLy)).toEqual(changes.map((event) => portalTime(event.at)));
      expect(itemOf(dossiers[0]!)).toMatchObject({
        MaHoSo: file.code,
        MaTTHC: HOUSEHOLD,
        ChuHoSo: expect.any(String),
        NgayTiepNhan: portalTime(changes[0]!.at),
      });
      // No request sent before the file's earlier change was accepted: every try of a change comes
      // after the previous change's accepted step.
      const tries = requestsOf(file.code);
      for (const [index, code] of STORY_CODES.entries()) {
        if (index === 0) continue;
        const firstTry = tries.findIndex((item) => itemOf(item).TrangThaiHoSo === code);
        const previousDone = tries.findIndex(
          (item) =>
            item.service === 'CapNhatTienDoHoSoMC' &&
            item.answer === '00' &&
            itemOf(item).TrangThai === STORY_CODES[index - 1],
        );
        expect(firstTry).toBeGreaterThan(previousDone);
      }
    }

    // The portal holds each file's latest state, as its own look-up tells.
    const portal = new HttpNationalPortal({ ...stack.config.nationalPortal });
    for (const file of files) expect(await portal.lookUp(file.code)).toMatchObject({ TrangThaiHoSo: '10' });
  }, 180_000);

  it('lists a file whose change keeps failing, with its error, and stops once the portal accepts it', async () => {
    const file = await receivedFile();
    await eventually(async () => {
      const ours = (await pending()).filter((item) => item.applicationId === file.id);
      return ours.length === 0 && requestsOf(file.code).some((item) => item.answer === '00')
        ? true
        : undefined;
    });
    standIn.failWith({ codes: [file.code] });
    await askSupplement(file.id);
    const listed = await eventually(async () => {
      const found = (await pending()).find((item) => item.applicationId === file.id);
      return found && found.attempts >= 2 ? found : undefined;
    }, 30_000);
    expect(listed).toMatchObject({
      code: file.code,
      state: 'supplement_requested',
      pendingState: 'supplement_requested',
      pendingChanges: 1,
      lastError: expect.stringContaining('error_code 99'),
    });
    // While its change waits, the file is not synchronised for 1d.
    const waiting = await synchronisedByHand();
    expect(waiting.numerator).toBe(waiting.denominator - 1);
    expect(await criterion1d()).toEqual({ ...waiting, rate: waiting.numerator / waiting.denominator });
    // The file's code and figures only: nothing about the applicant.
    expect(Object.keys(listed).sort()).toEqual([
      'applicationId',
      'attempts',
      'code',
      'lastError',
      'nextAttemptAt',
      'pendingChanges',
      'pendingState',
      'since',
      'state',
    ]);

    standIn.failWith({});
    await eventually(async () => {
      const found = (await pending()).find((item) => item.applicationId === file.id);
      return found ? undefined : true;
    }, 30_000);
    const caughtUp = await synchronisedByHand();
    expect(caughtUp.numerator).toBe(caughtUp.denominator);
    expect(await criterion1d()).toEqual({ ...caughtUp, rate: 1 });
    const accepted = requestsOf(file.code).filter((item) => item.answer === '00');
    expect(accepted.map((item) => itemOf(item).TrangThaiHoSo ?? itemOf(item).TrangThai)).toEqual([
      '1',
      '1',
      '5',
      '5',
    ]);
  }, 90_000);
});
