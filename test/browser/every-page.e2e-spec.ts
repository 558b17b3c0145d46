import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RouteAccess } from '@onegate/access';
import { NOTIFICATION_KINDS } from '@onegate/domain';
import { Application, IssuedResult, MailSinkMessage, User, WebhookSubscription } from '@onegate/persistence';

import { bearer, DEMO_ACCOUNTS, signIn } from '../support/accounts';
import type { Tokens } from '../support/accounts';
import { ApplicationsClient, PDF_BYTES } from '../support/applications';
import type { ApplicationBody } from '../support/applications';
import { HOUSEHOLD, HOUSEHOLD_DOCUMENT, HOUSEHOLD_FORM } from '../support/demo-facts';
import { eventually, request } from '../support/http';
import { partnerToken, registerPartnerClient } from '../support/partner-clients';
import { testDatabaseKind } from '../support/test-database';
import { confirmOnlinePayment } from '../support/payments';
import { TestStack } from '../support/test-stack';
import { accessibilityProblems, DESKTOP, launchChromium, PHONE } from './support/browser';
import type { PageSamples, Visitor } from './support/pages';
import { addressesOf, opens, portalPages } from './support/pages';

const VISITORS: Visitor[] = ['anonymous', 'citizen', 'clerk', 'supervisor', 'admin'];

/**
 * Public pages look the same to staff as to anyone (only the header differs, and it is on every page
 * they visit): they are visited anonymously, and by the citizen, who is offered to apply.
 */
const isVisitedBy = (visitor: Visitor, route: RouteAccess) =>
  opens(route, visitor) &&
  (route.rule!.kind !== 'public' || visitor === 'anonymous' || visitor === 'citizen');

/**
 * Every page of the portal, found from the routes the API declares, opened by every role that may
 * open it, on a phone and on a desktop: none has a serious or critical accessibility problem (WCAG 2.1
 * A and AA), and none is wider than the phone.
 */
// The pages are drawn by the same services on either database, whose differences the API suites cover:
// the sweep runs once, on SQLite, to keep the test run short.
describe.runIf(testDatabaseKind() === 'sqlite')(
  'every page, for every role, at phone and desktop width',
  () => {
    let stack: TestStack;
    let browser: Browser;
    let apps: ApplicationsClient;
    let citizen: Tokens;
    let clerk: Tokens;

    async function act(tokens: Tokens, id: string, action: string, fields: Record<string, unknown> = {}) {
      const response = await apps.act(tokens, id, action, fields);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body;
    }

    /** A paid, submitted application of the demo citizen, awaiting its receipt. */
    async function submitted(): Promise<ApplicationBody> {
      const draft = await apps.create(citizen, HOUSEHOLD, HOUSEHOLD_FORM);
      expect(draft.status, JSON.stringify(draft.body)).toBe(201);
      expect((await apps.upload(citizen, draft.body.id, HOUSEHOLD_DOCUMENT, PDF_BYTES)).status).toBe(201);
      await confirmOnlinePayment(stack, draft.body.id, 'PG-1');
      return act(citizen, draft.body.id, 'submit');
    }

    /** Files in the states that show different things: a draft, awaiting receipt, awaiting a supplement, returned. */
    async function applicationsInEveryState(): Promise<ApplicationBody[]> {
      const draft = await apps.create(citizen, HOUSEHOLD, {});
      expect(draft.status).toBe(201);
      const waiting = await submitted();
      const supplement = await submitted();
      await act(clerk, supplement.id, 'receive');
      await act(clerk, supplement.id, 'request_supplement', {
        reason: 'Bản scan không đọc được',
        missingDocuments: [HOUSEHOLD_DOCUMENT],
      });
      const returned = await submitted();
      await act(clerk, returned.id, 'receive');
      await act(clerk, returned.id, 'approve');
      // The worker signs the result; watched in the database, not by polling the API.
      const files = stack.apiDataSource.getRepository(Application);
      await eventually(async () => ((await files.findOneBy({ id: returned.id }))?.signed ? true : undefined));
      await act(clerk, returned.id, 'return');
      return [draft.body, waiting, supplement, returned];
    }

    /** Feedback of the demo citizen: one about a file, awaiting its answer; one about an agency, answered. */
    async function feedbackInEveryStanding(fileId: string): Promise<{ id: string }[]> {
      const file = (body: Record<string, unknown>) =>
        request<{ id: string }>(`${stack.apiUrl}/api/feedback`, {
          method: 'POST',
          headers: bearer(citizen),
          body: { kind: 'feedback', body: 'Hồ sơ đã quá hạn mà chưa có thông báo gì.', ...body },
        });
      const aboutFile = await file({ applicationId: fileId, aspect: 'lateness', subject: 'Hồ sơ trễ hạn' });
      const aboutAgency = await file({ kind: 'petition', agencyCode: 'QN-HL', subject: 'Thêm chỗ ngồi chờ' });
      expect([aboutFile.status, aboutAgency.status]).toEqual([201, 201]);
      const answered = await request(`${stack.apiUrl}/api/staff/feedback/${aboutAgency.body.id}/answer`, {
        method: 'POST',
        headers: bearer(clerk),
        body: { answer: 'Cơ quan sẽ bố trí thêm ghế trong tháng này.' },
      });
      expect(answered.status).toBe(200);
      return [aboutFile.body, aboutAgency.body];
    }

    /**
     * A webhook subscription to a receiver that is not there: registered with the demo data's own
     * values, since the suite allows no private target, then pinged so its page has a history.
     */
    async function webhookWithHistory(): Promise<string> {
      const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
      const owner = await stack.apiDataSource
        .getRepository(User)
        .findOneByOrFail({ email: DEMO_ACCOUNTS.admin });
      const now = new Date();
      const id = '00000000-0000-4000-8000-00000000beef';
      await stack.apiDataSource.getRepository(WebhookSubscription).insert({
        id,
        url: 'https://receiver.example.vn/onegate/very-long-path-that-a-phone-must-wrap',
        description: 'Cổng dịch vụ công quốc gia',
        eventTypes: ['file.decided', 'file.returned'],
        agencyIds: [],
        personalData: false,
        ordered: true,
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        previousSecret: null,
        previousSecretUntil: null,
        ownerId: owner.id,
        failingSince: null,
        disabledAt: null,
        disabledReason: null,
        createdAt: now,
        updatedAt: now,
      });
      const ping = await request(`${stack.apiUrl}/api/admin/webhooks/${id}/ping`, {
        method: 'POST',
        headers: bearer(admin),
      });
      expect(ping.status).toBe(202);
      return id;
    }

    /** A partner client that has called the API, so its page lists calls, a refused one among them. */
    async function partnerClientWithCalls(): Promise<string> {
      const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
      const client = await registerPartnerClient(stack.apiUrl, admin, {
        name: 'Hệ thống quản lý thuế của Chi cục Thuế thành phố Hạ Long',
        agencies: ['QN-THUE-HL'],
      });
      const token = await partnerToken(stack.apiUrl, client.clientId, client.clientSecret);
      await request(`${stack.apiUrl}/api/partner/files`, { headers: bearer(token) });
      await request(`${stack.apiUrl}/api/applications`, { headers: bearer(token) });
      return client.id;
    }

    /** Real values for the pages' parameters, from the demo data and the files made above. */
    async function realParameters(): Promise<PageSamples> {
      const [draft, ...filed] = await applicationsInEveryState();
      const feedback = (await feedbackInEveryStanding(filed[0]!.id)).map(({ id }) => ({ id }));
      const data = stack.apiDataSource;
      const staff = await data.getRepository(User).findOneByOrFail({ email: DEMO_ACCOUNTS.clerk });
      const result = await eventually(
        async () => (await data.getRepository(IssuedResult).find({ take: 1 }))[0],
      );
      const mail = await eventually(
        async () => (await data.getRepository(MailSinkMessage).find({ take: 1 }))[0],
      );
      const webhook = await webhookWithHistory();
      const partner = await partnerClientWithCalls();
      return {
        '/procedures/:code': [{ code: HOUSEHOLD }],
        // A code with a result, and one without: the untrusted verdict is drawn differently.
        '/verify/:code': [{ code: result.code }, { code: 'QN-HL-991231-9999' }],
        '/my/applications/:id': [draft, ...filed].map(({ id }) => ({ id })),
        '/my/applications/:id/edit': [{ id: draft.id }],
        '/my/applications/:id/withdraw': [{ id: filed[0]!.id }],
        '/my/applications/:id/delete': [{ id: draft.id }],
        '/staff/applications/:id': filed.map(({ id }) => ({ id })),
        '/my/feedback/:id': feedback,
        '/staff/feedback/:id': feedback,
        '/admin/staff/:id': [{ id: staff.id }],
        '/admin/procedures/:code': [{ code: HOUSEHOLD }],
        '/admin/mail/:id': [{ id: mail.id }],
        '/admin/webhooks/:id': [{ id: webhook }],
        '/admin/partner-clients/:id': [{ id: partner }],
        '/admin/mail/preview/:template': [{ template: NOTIFICATION_KINDS[0] }],
      };
    }

    /** One browser context per role, signed in through the sign-in page as people are. */
    async function visitorPage(visitor: Visitor): Promise<Page> {
      const context = await browser.newContext({ viewport: PHONE, baseURL: stack.apiUrl, locale: 'vi-VN' });
      context.setDefaultTimeout(60_000);
      const page = await context.newPage();
      if (visitor === 'anonymous') return page;
      await page.goto('/sign-in');
      await page.fill('#username', DEMO_ACCOUNTS[visitor]);
      await page.fill('#password', stack.config.demoPassword!);
      await Promise.all([
        page.waitForURL((url) => !url.pathname.startsWith('/sign-in')),
        page.press('#password', 'Enter'),
      ]);
      return page;
    }

    /** What is wrong with the page at this address, at each width. */
    async function problemsOf(page: Page, address: string, visitor: Visitor): Promise<string[]> {
      const found: string[] = [];
      await page.setViewportSize(PHONE);
      const response = await page.goto(address);
      const where = (width: number) => `${address} as ${visitor} at ${width} px`;
      if (response?.status() !== 200 || new URL(page.url()).pathname !== address) {
        return [`${where(PHONE.width)}: answered ${response?.status()} at ${page.url()}`];
      }
      const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
      if (width > PHONE.width) found.push(`${where(PHONE.width)}: the page is ${width} px wide`);
      for (const viewport of [PHONE, DESKTOP]) {
        await page.setViewportSize(viewport);
        for (const problem of await accessibilityProblems(page, where(viewport.width))) {
          found.push(
            `${problem.page}: ${problem.id} (${problem.impact}), ${problem.help}: ${problem.targets.join(' | ')}`,
          );
        }
      }
      return found;
    }

    beforeAll(async () => {
      stack = await TestStack.start();
      apps = new ApplicationsClient(stack.apiUrl);
      citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, stack.config.demoPassword!);
      clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, stack.config.demoPassword!);
      browser = await launchChromium();
    }, 90_000);

    afterAll(async () => {
      await browser?.close();
      await stack?.stop();
    });

    /**
     * The addresses each role opens: every page it may open, each file state once; a role that comes
     * after opens one of them, with its own header and actions.
     */
    function plan(samples: PageSamples): Map<Visitor, { route: string; address: string }[]> {
      const pages = portalPages(stack);
      const opened = new Set<string>();
      const visits = new Map<Visitor, { route: string; address: string }[]>();
      for (const visitor of VISITORS) {
        visits.set(visitor, []);
        for (const route of pages.filter((candidate) => isVisitedBy(visitor, candidate))) {
          const addresses = addressesOf(route, samples);
          for (const address of opened.has(route.path) ? addresses.slice(0, 1) : addresses) {
            visits.get(visitor)!.push({ route: route.path, address });
          }
          opened.add(route.path);
        }
      }
      return visits;
    }

    it('finds no serious or critical accessibility problem on any of them, and none wider than a phone', async () => {
      const visits = plan(await realParameters());
      // The roles go through their pages side by side, each in its own browser context.
      const found = await Promise.all(
        VISITORS.map(async (visitor) => {
          const page = await visitorPage(visitor);
          const problems: string[] = [];
          for (const { address } of visits.get(visitor)!) {
            problems.push(...(await problemsOf(page, address, visitor)));
          }
          await page.context().close();
          return problems;
        }),
      ).then((lists) => lists.flat());
      const visited = [...visits].flatMap(([visitor, list]) =>
        list.map(({ route }) => `${route} as ${visitor}`),
      );
      expect(found).toEqual([]);
      // The pages come from the routes, so a new page is visited without anyone listing it here.
      expect(visited).toEqual(
        expect.arrayContaining([
          '/ as anonymous',
          '/my/applications/:id/edit as citizen',
          '/staff/applications/:id as clerk',
          '/supervisor/dashboard as supervisor',
          '/admin/mail/:id as admin',
        ]),
      );
    }, 900_000);
  },
);
