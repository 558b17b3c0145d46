import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { NationalPortalStandIn } from '@onegate/national-sync';
import type { StandInRequest } from '@onegate/national-sync';

import { DEMO_ACCOUNTS, signIn } from '../support/accounts';
import type { Tokens } from '../support/accounts';
import { ApplicationsClient } from '../support/applications';
import { HOUSEHOLD_DOCUMENT } from '../support/demo-facts';
import { eventually } from '../support/http';
import { Deployment } from './support/deployment';
import { forgetDeadWorker, inBatches, query, readyDraft, sleep } from './support/inspection';
import { DEMO_PASSWORD, OneGateProcess } from './support/onegate-processes';

const FILES = 6;
/** The portal's codes of each file's changes here, in order: received, then sent back for a supplement. */
const CODES = ['1', '5'];
const USERNAME = 'onegate-faults';
const PASSWORD = 'stand-in-faults-secret';

/**
 * The worker is killed with SIGKILL while files are being synchronised to the national portal (the
 * stand-in answers each request late, and takes it into account even when no one waits for the
 * answer any more), then started again while the stand-in fails at random: in the stand-in's log,
 * every file's changes are accepted once each, none missing, in the file's order.
 */
describe('worker killed mid-synchronisation with the national portal (SIGKILL)', () => {
  let deployment: Deployment;
  let standIn: NationalPortalStandIn;
  let env: Record<string, string>;
  let api: OneGateProcess;
  let worker: OneGateProcess | null = null;
  let apps: ApplicationsClient;
  let citizen: Tokens;
  let clerk: Tokens;

  beforeAll(async () => {
    standIn = await NationalPortalStandIn.start({ port: 0, username: USERNAME, password: PASSWORD });
    deployment = await Deployment.start({
      extra: {
        WORKER_CONCURRENCY: '2',
        NATIONAL_PORTAL_URL: standIn.url,
        NATIONAL_PORTAL_USERNAME: USERNAME,
        NATIONAL_PORTAL_PASSWORD: PASSWORD,
        NATIONAL_PORTAL_TIMEOUT_SECONDS: '5',
        NATIONAL_SYNC_RETRY_FIRST_SECONDS: '1',
        NATIONAL_SYNC_RETRY_LONGEST_HOURS: '1',
      },
    });
    env = deployment.env;
    api = await OneGateProcess.api(env);
    apps = new ApplicationsClient(api.url);
    citizen = await signIn(api.url, DEMO_ACCOUNTS.citizen, DEMO_PASSWORD);
    clerk = await signIn(api.url, DEMO_ACCOUNTS.clerk, DEMO_PASSWORD);
  });

  afterAll(async () => {
    await worker?.kill();
    await api?.stop();
    await standIn?.stop();
    await deployment?.remove();
  });

  const itemOf = (item: StandInRequest) =>
    ((item.body.data as Record<string, string>[] | undefined)?.[0] ?? {}) as Record<string, string>;

  it('accepts every change once, none missing, in order per file, across a kill', async () => {
    const ids = await inBatches(Array.from({ length: FILES }), 3, () => readyDraft(apps, citizen));
    const codes = await inBatches(ids, 3, async (id) => {
      expect((await apps.act(citizen, id, 'submit')).status).toBe(200);
      const received = await apps.act(clerk, id, 'receive');
      expect(received.status).toBe(200);
      const asked = await apps.act(clerk, id, 'request_supplement', {
        reason: 'Thiếu chữ ký',
        missingDocuments: [HOUSEHOLD_DOCUMENT],
      });
      expect(asked.status, JSON.stringify(asked.body)).toBe(200);
      return received.body.code as string;
    });

    // Each request takes 1.5 s: the worker is killed with requests in flight, some of which the
    // stand-in still takes into account after the kill.
    standIn.failWith({ delayMs: 1_500 });
    worker = await OneGateProcess.worker(env);
    const services = () => standIn.received.filter((item) => item.service !== 'login').length;
    await eventually(async () => (services() >= 3 ? true : undefined), 60_000);
    await worker.kill();
    worker = null;

    // One request in twenty fails at random from now on. Waits grow fourfold from 1 s, so a change
    // whose fifth try fails waits some 4 minutes more, past the time allowed below. A try is up to
    // three requests, so it fails at most 15% of the time, five in a row less than once in 10,000
    // changes; with a third of the requests failing it was about every other run of twelve changes.
    standIn.failWith({ share: 0.05 });
    await forgetDeadWorker(deployment.queues);
    worker = await OneGateProcess.worker(env);

    const states = () =>
      query<{ state: string; attempts: number; last_error: string | null }>(
        env.DATABASE_URL,
        'SELECT state, attempts, last_error FROM national_sync_entries WHERE application_id = ANY($1)',
        [ids],
      );
    await eventually(async () => {
      const rows = await states();
      return rows.length === FILES * CODES.length && rows.every((row) => row.state === 'accepted')
        ? true
        : undefined;
    }, 300_000).catch(async (error: unknown) => {
      throw new Error(`${String(error)}: ${JSON.stringify(await states())}`);
    });

    for (const code of codes) {
      const requests = standIn.received.filter((item) => itemOf(item).MaHoSo === code);
      const accepted = requests
        .filter((item) => item.answer === '00')
        .map((item) => `${item.service}:${itemOf(item).TrangThaiHoSo ?? itemOf(item).TrangThai}`);
      expect({ code, accepted }).toEqual({
        code,
        accepted: CODES.flatMap((status) => [`DongBoHoSoMC:${status}`, `CapNhatTienDoHoSoMC:${status}`]),
      });
      // The supplement request's change is first tried only after the reception's step was accepted.
      const receptionDone = requests.findIndex(
        (item) =>
          item.service === 'CapNhatTienDoHoSoMC' && item.answer === '00' && itemOf(item).TrangThai === '1',
      );
      const supplementTried = requests.findIndex((item) => itemOf(item).TrangThaiHoSo === '5');
      expect(supplementTried).toBeGreaterThan(receptionDone);
      expect(standIn.files.get(code)).toMatchObject({ TrangThaiHoSo: '5' });
    }
    await sleep(500);
  }, 600_000);
});
