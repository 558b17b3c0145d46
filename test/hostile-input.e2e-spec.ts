import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

import { ModulesContainer } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RouteAccess } from '@onegate/access';
import { listRoutes } from '@onegate/access';
import { AppConfig } from '@onegate/config';
import { Agency, Notification, NotificationRepository } from '@onegate/persistence';
import type { IntegerRange, QueryParameter } from '@onegate/platform';
import { queryOf } from '@onegate/platform';

import type { DemoRole, Tokens } from './support/accounts';
import { bearer, DEMO_ACCOUNTS, signIn } from './support/accounts';
import type { RegisteredClient } from './support/partner-clients';
import { partnerToken, registerPartnerClient } from './support/partner-clients';
import { ApplicationsClient, EXECUTABLE_BYTES, PDF_BYTES } from './support/applications';
import { RECORD, RECORD_DOCUMENT, RECORD_FORM } from './support/demo-facts';
import { PNG_BYTES, zipBomb } from './support/hostile-files';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';
import { fileAtTaxStep } from './support/transfer-procedure';

/** `client`: a partner client holding every scope (docs/partner-clients.md). */
type Caller = 'anonymous' | DemoRole | 'client';

const INJECTIONS = [
  `' OR '1'='1' --`,
  `1; DROP TABLE applications; --`,
  `" UNION SELECT password_hash FROM users --`,
  `<script>alert("onegate")</script>`,
  `"><img src=x onerror=alert(1)>`,
  `../../../../etc/passwd`,
  `%00\u0000\u202e`,
];
/** Body fields the DTOs declare, with hostile values: none of these bodies is valid. */
const BODY_FIELDS = [
  'procedureCode',
  'action',
  'formData',
  'username',
  'password',
  'nationalId',
  'email',
  'code',
  'channels',
];
/** Hundreds of requests each; room for a busy machine. */
const ATTACK_TIMEOUT_MS = 300_000;
const SAMPLE_ID = '00000000-0000-4000-8000-000000000000';
const HUGE = '99999999999999999999';
/** Texts no whole-number parameter accepts, whatever its range. */
const NOT_WHOLE_NUMBERS = ['1.5', 'abc', '', ' ', '1e3', '0x10', 'NaN', 'Infinity', '9'.repeat(400)];
const outOfRange = (range: IntegerRange) => [HUGE, `-${HUGE}`, String(range.min - 1), String(range.max + 1)];
const STACK_TRACE = /\bat [\w$.<>]+ \(|node:internal|node_modules|\.[jt]s:\d+:\d+/;

interface Answer {
  status: number;
  type: string;
  text: string;
}

function deeplyNested(depth: number): string {
  return `{"formData":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`;
}

const INVALID_UTF8_JSON = Buffer.concat([
  Buffer.from('{"procedureCode":"'),
  Buffer.from([0xff, 0xfe, 0xc3, 0x28]),
  Buffer.from('"}'),
]);

/**
 * Every route of the running API (read from its metadata, so a new route is covered without anyone
 * adding it here) is sent malformed, oversized, deeply nested, mistyped and injected requests, by an
 * anonymous caller and by one that may call it. None may answer 5xx, show a stack trace or a path of
 * the server, or leave a row or a file behind.
 */
describe(`hostile input on every route (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let routes: RouteAccess[];
  const tokens = new Map<DemoRole, Tokens>();
  let partner: RegisteredClient;
  /** A file at a step transferred to the tax office, which the partner client may forward. */
  let transferredId: string;
  let partnerHeaders = { headers: {} as Record<string, string>, at: 0 };
  let draftId: string;
  /** Resources the routes' allowed callers may act on, so that a body reaches its validation. */
  let submittedId: string;
  let notificationId: string;
  let feedbackId: string;
  let apps: ApplicationsClient;

  beforeAll(async () => {
    stack = await TestStack.start({
      worker: false,
      configure: (config) =>
        new AppConfig({
          ...config,
          authRateLimit: 100_000,
          partners: { ...config.partners, ratePerMinute: 100_000 },
        }),
    });
    routes = listRoutes(stack.api.get(ModulesContainer));
    for (const role of Object.keys(DEMO_ACCOUNTS) as DemoRole[]) {
      tokens.set(role, await signIn(stack.apiUrl, DEMO_ACCOUNTS[role], stack.config.demoPassword!));
    }
    partner = await registerPartnerClient(stack.apiUrl, tokens.get('admin')!, { agencies: ['QN'] });
    const taxOffice = await stack.apiDataSource.getRepository(Agency).findOneByOrFail({ code: 'QN-THUE-HL' });
    transferredId = await fileAtTaxStep(
      stack.apiUrl,
      { admin: tokens.get('admin')!, clerk: tokens.get('clerk')! },
      taxOffice.id,
      '9.700002',
      { nationalId: '022190006543', fullName: 'Hồ Sơ Liên Thông' },
    );
    apps = new ApplicationsClient(stack.apiUrl);
    draftId = (await apps.create(tokens.get('citizen')!, RECORD, RECORD_FORM)).body.id;
    submittedId = await submittedApplication();
    notificationId = await citizenNotification();
    feedbackId = await citizenFeedback();
  });

  afterAll(() => stack?.stop());

  const submittedApplication = async () => {
    const citizen = tokens.get('citizen')!;
    const { id } = (await apps.create(citizen, RECORD, RECORD_FORM)).body;
    expect((await apps.upload(citizen, id, RECORD_DOCUMENT, PDF_BYTES)).status).toBe(201);
    expect((await apps.act(citizen, id, 'submit')).status).toBe(200);
    return id;
  };

  const citizenNotification = async () => {
    const me = await fetch(`${stack.apiUrl}/api/me`, { headers: bearer(tokens.get('citizen')!) });
    const notification = Object.assign(new Notification(), {
      id: randomUUID(),
      recipientUserId: ((await me.json()) as { id: string }).id,
      recipientEmail: null,
      kind: 'file_received',
      applicationId: null,
      notificationKey: `hostile-input:${randomUUID()}`,
      language: 'vi',
      subject: 'Hồ sơ đã được tiếp nhận',
      textBody: 'Hồ sơ đã được tiếp nhận',
      htmlBody: '<p>Hồ sơ đã được tiếp nhận</p>',
      createdAt: new Date(),
      readAt: null,
      emailStatus: 'none',
      emailSentAt: null,
      emailError: null,
      attachmentId: null,
    } satisfies Partial<Notification>);
    await stack.api.get(NotificationRepository, { strict: false }).insertOnce(notification);
    return notification.id;
  };

  /** The citizen's feedback about the demo clerk's agency: the clerk may answer it, the citizen rate it. */
  const citizenFeedback = async () => {
    const filed = await fetch(`${stack.apiUrl}/api/feedback`, {
      method: 'POST',
      headers: { ...bearer(tokens.get('citizen')!), 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'feedback',
        agencyCode: 'QN-HL',
        subject: 'Góp ý về xử lý hồ sơ',
        body: 'Hồ sơ của tôi cần được xem xét sớm hơn.',
      }),
    });
    expect(filed.status).toBe(201);
    return ((await filed.json()) as { id: string }).id;
  };

  /** The resource a route's path names, one its allowed caller may act on. */
  const resourceOf = (route: RouteAccess): string => {
    if (route.path.startsWith('/api/notifications/') || route.path.startsWith('/my/notifications/'))
      return notificationId;
    if (route.path.startsWith('/staff/applications/')) return submittedId;
    if (route.path.startsWith('/api/partner/files/')) return transferredId;
    if (/^(\/api)?(\/staff)?\/feedback\/|^\/my\/feedback\//.test(route.path)) return feedbackId;
    // Deleting the citizen's draft would leave the other routes without it: a sent file is refused (409).
    if (route.path === '/my/applications/:id/delete') return submittedId;
    return draftId;
  };

  const counts = async () => {
    const count = async (table: string) =>
      Number(
        (await stack.apiDataSource.query<{ n: string | number }[]>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!
          .n,
      );
    return {
      applications: await count('applications'),
      events: await count('application_events'),
      attachments: await count('attachments'),
      storedFiles: readdirSync(stack.config.storageDir, { recursive: true, withFileTypes: true }).filter(
        (entry) => entry.isFile(),
      ).length,
    };
  };

  /** A caller that may call the route, so the request reaches its validation and its service. */
  const allowedCaller = (route: RouteAccess): Caller => {
    const rule = route.rule!;
    if (rule.kind === 'public') return 'citizen';
    if (rule.kind === 'partner') return 'client';
    if (rule.roles === 'any') return 'citizen';
    return (['admin', 'citizen', 'clerk', 'supervisor'] as const).find((role) => rule.roles.includes(role))!;
  };

  /** Signs the caller in again when a route (sign-out, session end) ended its session. */
  const headersOf = async (caller: Caller): Promise<Record<string, string>> => {
    if (caller === 'anonymous') return {};
    if (caller === 'client') {
      // A partner token lives minutes: a fresh one every minute.
      if (Date.now() - partnerHeaders.at > 60_000) {
        const token = await partnerToken(stack.apiUrl, partner.clientId, partner.clientSecret);
        partnerHeaders = { headers: bearer(token), at: Date.now() };
      }
      return partnerHeaders.headers;
    }
    const current = tokens.get(caller)!;
    const me = await fetch(`${stack.apiUrl}/api/me`, { headers: bearer(current) });
    await me.arrayBuffer();
    if (me.status === 401) {
      tokens.set(caller, await signIn(stack.apiUrl, DEMO_ACCOUNTS[caller], stack.config.demoPassword!));
    }
    return bearer(tokens.get(caller)!);
  };

  const send = async (
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string | Buffer,
  ): Promise<Answer> => {
    const hasBody = body !== undefined && !['GET', 'HEAD'].includes(method);
    const response = await fetch(`${stack.apiUrl}${path}`, {
      method,
      headers,
      body: hasBody ? body : undefined,
      redirect: 'manual',
    });
    return {
      status: response.status,
      type: response.headers.get('content-type') ?? '',
      text: await response.text(),
    };
  };

  const problems: string[] = [];
  const check = (label: string, answer: Answer, expectStatus?: number) => {
    if (answer.status >= 500) problems.push(`${label}: ${answer.status} ${answer.text.slice(0, 200)}`);
    if (STACK_TRACE.test(answer.text) || answer.text.includes(process.cwd())) {
      problems.push(`${label}: leaks internals: ${answer.text.slice(0, 300)}`);
    }
    if (
      answer.type.includes('html') &&
      INJECTIONS.some((text) => text.startsWith('<') && answer.text.includes(text))
    ) {
      problems.push(`${label}: echoes markup unescaped`);
    }
    if (expectStatus !== undefined && answer.status !== expectStatus) {
      problems.push(`${label}: expected ${expectStatus}, got ${answer.status} ${answer.text.slice(0, 200)}`);
    }
  };

  const pathWith = (route: RouteAccess, parameter: string) => route.path.replace(/:\w+/g, parameter);

  it('finds the routes to attack', () => {
    expect(routes.length).toBeGreaterThan(40);
  });

  interface Attack {
    label: string;
    method: string;
    path: string;
    headers: Record<string, string>;
    body?: string | Buffer;
    expectStatus?: number;
  }

  /** Every attack of a family on every route, by a caller who may call it and by an anonymous one. */
  const attackEveryRoute = async (family: (route: RouteAccess, auth: Record<string, string>) => Attack[]) => {
    problems.length = 0;
    const before = await counts();
    for (const route of routes) {
      for (const caller of ['anonymous', allowedCaller(route)] as Caller[]) {
        const auth = await headersOf(caller);
        const attacks = family(route, auth);
        const answers = await Promise.all(
          attacks.map((attack) => send(attack.method, attack.path, attack.headers, attack.body)),
        );
        attacks.forEach((attack, index) =>
          check(
            `${route.method} ${route.path} as ${caller}: ${attack.label}`,
            answers[index]!,
            attack.expectStatus,
          ),
        );
      }
    }
    expect(problems).toEqual([]);
    expect(await counts()).toEqual(before);
  };

  it(
    'never fails on SQL or HTML injection in parameters, query or body, nor on broken encodings',
    async () => {
      await attackEveryRoute((route, auth) => [
        ...INJECTIONS.map((injection) => {
          const encoded = encodeURIComponent(injection);
          // Every query parameter the route reads (from its metadata), and one it does not.
          const names = [...queryOf(route).parameters.map((parameter) => parameter.name), 'unknown'];
          return {
            label: `injection ${injection}`,
            method: route.method,
            path: `${pathWith(route, encoded)}?${names.map((name) => `${name}=${encoded}`).join('&')}`,
            headers: { ...auth, 'content-type': 'application/json' },
            body: JSON.stringify(Object.fromEntries(BODY_FIELDS.map((field) => [field, injection]))),
          };
        }),
        {
          label: 'invalid percent-encoding',
          method: route.method,
          path: `${pathWith(route, '%E0%A4%A')}?q=%FF`,
          headers: auth,
        },
      ]);
    },
    ATTACK_TIMEOUT_MS,
  );

  it(
    'refuses malformed, oversized, deeply nested and mistyped bodies with a 4xx',
    async () => {
      const limit = stack.config.bodyLimitBytes;
      await attackEveryRoute((route, auth) => {
        if (['GET', 'HEAD'].includes(route.method)) return [];
        const path = pathWith(route, resourceOf(route));
        const json = { ...auth, 'content-type': 'application/json' };
        // A caller the route refuses gets its 401 before any of the body is read. On a route that ends the
        // session, the attacks sent alongside may have ended it first: either answer is right there.
        const refused = !auth.authorization && route.rule!.kind !== 'public';
        const endsSession = /^\/(api\/auth\/(logout|session)|sign-out)$/.test(route.path);
        const attack = (
          label: string,
          headers: Record<string, string>,
          body: string | Buffer,
          expectStatus?: number,
        ) => ({
          label,
          method: route.method,
          path,
          headers,
          body,
          expectStatus: refused ? 401 : endsSession ? undefined : expectStatus,
        });
        return [
          attack('malformed JSON', json, '{"action": "submit",', 400),
          attack('body over the limit', json, JSON.stringify({ a: 'x'.repeat(limit) }), 413),
          attack('deeply nested JSON', json, deeplyNested(Math.floor(limit / 8)), 400),
          attack('invalid UTF-8', json, INVALID_UTF8_JSON),
          // JSON objects that cannot be turned into text or a number (no callable toString/valueOf).
          attack(
            'fields that cannot become text or numbers',
            json,
            JSON.stringify(
              Object.fromEntries(
                [...BODY_FIELDS, 'version', 'score', 'assigneeId', 'reason'].map((field) => [
                  field,
                  { toString: 0, valueOf: 0 },
                ]),
              ),
            ),
          ),
          attack(
            'unknown charset',
            { ...auth, 'content-type': 'application/json; charset=klingon' },
            '{}',
            415,
          ),
          attack('gzip claimed, not sent', { ...json, 'content-encoding': 'gzip' }, '{}'),
          ...[
            'text/plain',
            'application/xml',
            'multipart/form-data',
            'application/x-www-form-urlencoded',
          ].map((type) => attack(type, { ...auth, 'content-type': type }, '<a>&b=%%%</a>')),
        ];
      });
    },
    ATTACK_TIMEOUT_MS,
  );

  describe('query parameters', () => {
    /** Every query parameter of every route, from the route table and each route's own metadata. */
    const everyParameter = () =>
      routes.flatMap((route) => queryOf(route).parameters.map((parameter) => ({ route, parameter })));
    const ranged = () =>
      everyParameter().filter(
        (entry): entry is { route: RouteAccess; parameter: Required<QueryParameter> } =>
          entry.parameter.range !== undefined,
      );
    const namesField = (answer: Answer, field: string) => {
      // An error page shows the reason: "Invalid page".
      if (!answer.type.includes('json')) return answer.text.includes(`Invalid ${field}`);
      const details = (JSON.parse(answer.text) as { details?: { field: string }[] }).details ?? [];
      return details.some((detail) => detail.field === field);
    };

    it('lists every route’s query parameters, each whole number with its range', () => {
      expect(routes.flatMap((route) => queryOf(route).problems)).toEqual([]);
      expect(
        ranged().map(({ route, parameter }) => `${route.method} ${route.path} ${parameter.name}`),
      ).toEqual(
        expect.arrayContaining([
          'GET /api/procedures page',
          'GET /api/procedures pageSize',
          'GET /api/notifications page',
          'GET /api/admin/users page',
          'GET /api/admin/audit page',
          'GET /api/admin/mail/outbox page',
          'GET /api/applications page',
          'GET /api/applications limit',
          'GET /api/admin/calendar/overrides year',
          'GET / page',
          'GET /my/applications page',
          'GET /admin/mail page',
          'GET /admin/calendar year',
        ]),
      );
    });

    it(
      'answers 400 naming a whole-number parameter sent huge, negative, fractional, blank or not a number',
      async () => {
        problems.length = 0;
        for (const { route, parameter } of ranged()) {
          const auth = await headersOf(allowedCaller(route));
          const name = parameter.name;
          const queries = [
            ...[...outOfRange(parameter.range), ...NOT_WHOLE_NUMBERS].map(
              (value) => `${name}=${encodeURIComponent(value)}`,
            ),
            `${name}=${parameter.range.min}&${name}=${parameter.range.min}`,
          ];
          for (const query of queries) {
            const path = `${pathWith(route, SAMPLE_ID)}?${query}`;
            const label = `${route.method} ${route.path}?${query.slice(0, 40)}`;
            // As an API client asks, and as a browser opening a page does.
            const [json, page] = await Promise.all([
              send(route.method, path, auth),
              send(route.method, path, { ...auth, accept: 'text/html' }),
            ]);
            check(label, json, 400);
            check(`${label} (text/html)`, page, 400);
            for (const answer of [json, page]) {
              if (!namesField(answer, name))
                problems.push(`${label}: does not name ${name}: ${answer.text.slice(0, 200)}`);
            }
          }
        }
        expect(problems).toEqual([]);
      },
      ATTACK_TIMEOUT_MS,
    );

    it(
      'accepts both ends of every whole-number range: the last page is an empty page, not an overflow',
      async () => {
        problems.length = 0;
        for (const { route, parameter } of ranged()) {
          const auth = await headersOf(allowedCaller(route));
          for (const value of [parameter.range.min, parameter.range.max]) {
            const query = `${parameter.name}=${value}`;
            const answer = await send(route.method, `${pathWith(route, SAMPLE_ID)}?${query}`, auth);
            const label = `${route.method} ${route.path}?${query}`;
            check(label, answer);
            if (answer.status === 400 && namesField(answer, parameter.name)) {
              problems.push(`${label}: refused: ${answer.text.slice(0, 200)}`);
            }
          }
        }
        expect(problems).toEqual([]);
        const lastPage = await send('GET', '/api/procedures?page=100000&pageSize=100', {});
        expect([lastPage.status, JSON.parse(lastPage.text)]).toEqual([
          200,
          expect.objectContaining({ items: [], page: 100_000, pageSize: 100 }),
        ]);
      },
      ATTACK_TIMEOUT_MS,
    );

    it(
      'never fails on huge, negative, fractional or non-numeric values in any other query parameter',
      async () => {
        problems.length = 0;
        for (const { route, parameter } of everyParameter()) {
          if (parameter.range) continue;
          const auth = await headersOf(allowedCaller(route));
          const values = [HUGE, `-${HUGE}`, '-1', '1.5', 'abc', '', '9'.repeat(400)];
          const answers = await Promise.all(
            values.map((value) =>
              send(
                route.method,
                `${pathWith(route, SAMPLE_ID)}?${parameter.name}=${encodeURIComponent(value)}`,
                auth,
              ),
            ),
          );
          answers.forEach((answer, index) =>
            check(`${route.method} ${route.path}?${parameter.name}=${values[index]!.slice(0, 30)}`, answer),
          );
        }
        expect(problems).toEqual([]);
      },
      ATTACK_TIMEOUT_MS,
    );

    it('refuses a queue cursor whose instant is not a whole number of milliseconds', async () => {
      const auth = await headersOf('clerk');
      for (const dueAt of [1e20, -1e300, 1.5, '1']) {
        const cursor = Buffer.from(JSON.stringify([dueAt, SAMPLE_ID])).toString('base64url');
        const api = await send('GET', `/api/applications?cursor=${cursor}`, auth);
        expect([api.status, namesField(api, 'cursor')], `${dueAt}`).toEqual([400, true]);
        // The queue page starts again from its first page.
        const page = await send('GET', `/staff/queue?cursor=${cursor}`, { ...auth, accept: 'text/html' });
        expect(page.status, `${dueAt}`).toBe(200);
      }
    });
  });

  describe('uploads', () => {
    const upload = async (bytes: Buffer, fileName: string, type = 'application/pdf') => {
      const form = new FormData();
      form.append('documentName', RECORD_DOCUMENT);
      form.append('file', new Blob([new Uint8Array(bytes)], { type }), fileName);
      const response = await fetch(`${stack.apiUrl}/api/applications/${draftId}/attachments`, {
        method: 'POST',
        headers: bearer(tokens.get('citizen')!),
        body: form,
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    };

    it('refuses an executable, and an archive bomb without expanding it, leaving nothing behind', async () => {
      const before = await counts();
      const rss = process.memoryUsage().rss;
      const bomb = await upload(zipBomb(), 'scan.pdf');
      const executable = await upload(EXECUTABLE_BYTES, 'form.pdf');
      expect(bomb.status).toBe(400);
      expect(bomb.body.details).toEqual([
        { field: 'file', problems: [expect.stringContaining('application/zip')] },
      ]);
      expect(executable.status).toBe(400);
      expect(executable.body.details).toEqual([
        { field: 'file', problems: [expect.stringMatching(/^must be one of application\/pdf/)] },
      ]);
      expect(process.memoryUsage().rss - rss).toBeLessThan(150 * 1024 * 1024);
      expect(await counts()).toEqual(before);
    });

    it('keeps a file for what its bytes are, under a harmless short name, whatever it is called', async () => {
      const before = await counts();
      const png = await upload(PNG_BYTES, 'declaration.pdf');
      expect(png.status).toBe(201);
      expect(png.body.mediaType).toBe('image/png');
      const traversal = await upload(PDF_BYTES, '../../../../../etc/passwd.pdf');
      const long = await upload(PDF_BYTES, `${'đ'.repeat(5_000)}.pdf`);
      for (const stored of [traversal, long]) {
        expect(stored.status).toBe(201);
        expect(stored.body.originalName).not.toMatch(/[/\\]/);
        expect(String(stored.body.originalName).length).toBeLessThanOrEqual(200);
      }
      // Three files, each stored once inside the storage folder under a name of OneGate's own.
      const after = await counts();
      expect([after.attachments, after.storedFiles]).toEqual([
        before.attachments + 3,
        before.storedFiles + 3,
      ]);
      expect(readdirSync(join(stack.config.storageDir, '..'))).not.toContain('passwd.pdf');
    });
  });
});
