import { ModulesContainer } from '@nestjs/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RouteAccess } from '@onegate/access';
import { listRoutes } from '@onegate/access';
import { AppConfig } from '@onegate/config';
import type { Role } from '@onegate/domain';

import type { DemoRole, Tokens } from './support/accounts';
import { bearer, createStaff, DEMO_ACCOUNTS, signIn } from './support/accounts';
import { HOUSEHOLD, HOUSEHOLD_FORM } from './support/demo-facts';
import { request } from './support/http';
import { partnerToken, registerPartnerClient } from './support/partner-clients';
import { testDatabaseKind } from './support/test-database';
import { TestStack } from './support/test-stack';

/** `client`: a partner client holding every scope (docs/partner-clients.md). */
type Caller = 'anonymous' | DemoRole | 'client';
const CALLERS: Caller[] = ['anonymous', 'citizen', 'clerk', 'supervisor', 'admin', 'client'];
/** A partner client's token is asked for again well before it expires. */
const CLIENT_TOKEN_REUSE_MS = 60_000;
/** Every route called by six kinds of caller, one call at a time. */
const MATRIX_TIMEOUT_MS = 240_000;
const SAMPLE_PARAMETER = '00000000-0000-4000-8000-000000000000';

/** A well-formed body for the application routes, so that only access decides the answer. */
function bodyFor(route: RouteAccess): string | undefined {
  if (['GET', 'HEAD', 'DELETE'].includes(route.method)) return undefined;
  if (route.path.endsWith('/actions')) return JSON.stringify({ action: 'submit' });
  if (route.method === 'PATCH') return JSON.stringify({ formData: {} });
  return '{}';
}

/** What the route's declaration says this caller must get: through, 401 or 403. */
function expectedOutcome(route: RouteAccess, caller: Caller): 'allowed' | 401 | 403 {
  const rule = route.rule!;
  if (rule.kind === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  // People are refused the partner routes, partner clients every other route.
  if (rule.kind === 'partner') return caller === 'client' ? 'allowed' : 403;
  if (caller === 'client') return 403;
  return rule.roles === 'any' || rule.roles.includes(caller as Role) ? 'allowed' : 403;
}

/**
 * Every route of the running API, read from its metadata (so a new route is covered without anyone
 * adding it here), called by every kind of caller.
 */
describe(`route-by-role matrix (${testDatabaseKind()})`, () => {
  let stack: TestStack;
  let routes: RouteAccess[];

  beforeAll(async () => {
    stack = await TestStack.start({
      worker: false,
      configure: (config) =>
        new AppConfig({
          ...config,
          authRateLimit: 10_000,
          partners: { ...config.partners, ratePerMinute: 100_000 },
        }),
    });
    routes = listRoutes(stack.api.get(ModulesContainer));
  });

  afterAll(() => stack?.stop());

  it('finds every route, each declaring who may call it', () => {
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((route) => !route.rule)).toEqual([]);
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining([
        'GET /api/me',
        'POST /api/me/phone/code',
        'POST /api/me/phone/confirm',
        'POST /account/phone/code',
        'POST /account/phone/confirm',
        'POST /account/channels',
        'POST /api/auth/login',
        'GET /api/admin/users',
        'GET /api/admin/national-sync/pending',
        'GET /health/ready',
      ]),
    );
  });

  it(
    'lets through exactly the callers each route declares, and no call fails with a 5xx',
    async () => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      const sessions = new Map<string, Record<string, string>>();
      const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, stack.config.demoPassword!);
      const client = await registerPartnerClient(stack.apiUrl, admin, { agencies: ['QN'] });
      let clientToken = { headers: {}, at: 0 };
      // Some routes (sign-out) end the session they are called with: such a session is opened again.
      const headersOf = async (caller: Caller) => {
        if (caller === 'anonymous') return {};
        if (caller === 'client') {
          if (Date.now() - clientToken.at > CLIENT_TOKEN_REUSE_MS) {
            const token = await partnerToken(stack.apiUrl, client.clientId, client.clientSecret);
            clientToken = { headers: bearer(token), at: Date.now() };
          }
          return clientToken.headers;
        }
        const kept = sessions.get(caller);
        if (kept && (await fetch(`${stack.apiUrl}/api/me`, { headers: kept })).status === 200) return kept;
        const fresh = bearer(await signIn(stack.apiUrl, DEMO_ACCOUNTS[caller], stack.config.demoPassword!));
        sessions.set(caller, fresh);
        return fresh;
      };
      for (const route of routes) {
        for (const caller of CALLERS) {
          const headers = await headersOf(caller);
          const path = route.path.replace(/:\w+/g, SAMPLE_PARAMETER);
          // From the API's own origin, as its pages call it: routes that open sessions refuse other ones.
          const response = await fetch(`${stack.apiUrl}${path}`, {
            method: route.method,
            headers: { ...headers, 'content-type': 'application/json', origin: stack.apiUrl },
            body: ['GET', 'HEAD', 'DELETE'].includes(route.method) ? undefined : '{}',
          });
          const label = `${route.method} ${route.path} as ${caller}`;
          const status = response.status;
          // An unread body (a stream, an export) would keep its connection busy and the API from closing.
          await response.body?.cancel();
          const outcome = status === 401 || status === 403 ? status : status >= 500 ? `${status}` : 'allowed';
          outcomes.push(`${label}: ${outcome}`);
          expected.push(`${label}: ${expectedOutcome(route, caller)}`);
        }
      }
      expect(outcomes).toEqual(expected);
    },
    MATRIX_TIMEOUT_MS,
  );

  it('answers 404 to every caller outside a file’s owner and agencies, on every route that names one', async () => {
    // A file of another citizen, for a procedure of the Department of Justice (QN-STP): outside the demo
    // citizen's files and outside the demo clerk's agency (QN-HL).
    const owner = await request<{ accessToken: string }>(`${stack.apiUrl}/api/auth/register`, {
      method: 'POST',
      body: {
        nationalId: '022185007777',
        fullName: 'Phạm Thị E',
        email: 'e@example.vn',
        phone: '0977000111',
        password: 'Cua Ong harbour 7',
      },
    });
    const created = await request<{ id: string }>(`${stack.apiUrl}/api/applications`, {
      method: 'POST',
      headers: bearer(owner.body.accessToken),
      body: { procedureCode: '2.000488', formData: {} },
    });
    const applicationRoutes = routes.filter((route) => route.path.startsWith('/api/applications/:id'));
    expect(applicationRoutes.length).toBeGreaterThan(3);
    for (const caller of ['citizen', 'clerk'] as const) {
      const headers = bearer(await signIn(stack.apiUrl, DEMO_ACCOUNTS[caller], stack.config.demoPassword!));
      for (const route of applicationRoutes) {
        const path = route.path.replace(':id', created.body.id).replace(/:\w+/g, SAMPLE_PARAMETER);
        const response = await fetch(`${stack.apiUrl}${path}`, {
          method: route.method,
          headers: { ...headers, 'content-type': 'application/json' },
          body: bodyFor(route),
        });
        await response.body?.cancel();
        const expected = expectedOutcome(route, caller) === 403 ? 403 : 404;
        expect(`${route.method} ${route.path} as ${caller}: ${response.status}`).toBe(
          `${route.method} ${route.path} as ${caller}: ${expected}`,
        );
      }
    }
  });

  it('answers the step actions by whose file it is, then by role, for every kind of staff and citizen', async () => {
    const password = stack.config.demoPassword!;
    const clerk = bearer(await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password));
    // A paper file of Ha Long City's business household procedure, at its first step (Ha Long's desk).
    const registered = await request<{ id: string; version: number }>(
      `${stack.apiUrl}/api/applications/counter`,
      {
        method: 'POST',
        headers: clerk,
        body: {
          procedureCode: HOUSEHOLD,
          applicant: { nationalId: '022190004444', fullName: 'Vũ Văn F' },
          formData: {
            fullName: 'Vũ Văn F',
            nationalId: '022190004444',
            phone: '0912000444',
            businessName: 'Quán Vũ',
            capital: 30_000_000,
          },
        },
      },
    );
    expect(registered.status).toBe(201);
    const callers: Record<string, Record<string, string>> = {
      citizen: bearer(await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password)),
      clerk,
      supervisor: bearer(await signIn(stack.apiUrl, DEMO_ACCOUNTS.supervisor, password)),
      admin: bearer(await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password)),
      taxClerk: bearer(await signIn(stack.apiUrl, 'thue@demo.onegate.vn', password)),
    };
    // A version not current: a caller who passes whose-file and role is stopped at the version (409), so the
    // file never moves and every cell is read on the same file.
    const expected: Record<string, number> = {
      citizen: 404,
      clerk: 409,
      supervisor: 409,
      admin: 403,
      taxClerk: 404,
    };
    const outcomes: string[] = [];
    const wanted: string[] = [];
    for (const action of ['forward', 'send_back', 'take_over']) {
      for (const [caller, headers] of Object.entries(callers)) {
        const answer = await request(`${stack.apiUrl}/api/applications/${registered.body.id}/actions`, {
          method: 'POST',
          headers,
          body: { action, version: registered.body.version + 1 },
        });
        outcomes.push(`${action} as ${caller}: ${answer.status}`);
        wanted.push(`${action} as ${caller}: ${expected[caller]}`);
      }
    }
    expect(outcomes).toEqual(wanted);
  });

  it('lets each caller take the consultation actions exactly as their rows say, and a consulted agency reach only its answer', async () => {
    const password = stack.config.demoPassword!;
    const clerk = await signIn(stack.apiUrl, DEMO_ACCOUNTS.clerk, password);
    const supervisor = await signIn(stack.apiUrl, DEMO_ACCOUNTS.supervisor, password);
    const admin = await signIn(stack.apiUrl, DEMO_ACCOUNTS.admin, password);
    const citizen = await signIn(stack.apiUrl, DEMO_ACCOUNTS.citizen, password);
    const consulted = await createStaff(stack.apiUrl, admin, {
      email: 'matrix.tuphap@qn.gov.vn',
      fullName: 'Cán bộ được xin ý kiến',
      role: 'clerk',
      agencyCode: 'QN-STP',
      password: 'Bai Chay ferry 2026',
    });
    const bystander = await createStaff(stack.apiUrl, admin, {
      email: 'matrix.taichinh@qn.gov.vn',
      fullName: 'Cán bộ không được hỏi',
      role: 'clerk',
      agencyCode: 'QN-STC',
      password: 'Yen Tu pagoda 2026',
    });
    const agencies = await request<{ items: { id: string; code: string }[] }>(
      `${stack.apiUrl}/api/agencies?pageSize=100`,
    );
    const agencyId = (code: string) => agencies.body.items.find((agency) => agency.code === code)!.id;
    // A paper file of Ha Long (the demo clerk's agency), registered at its desk.
    const registered = await request<{ id: string }>(`${stack.apiUrl}/api/applications/counter`, {
      method: 'POST',
      headers: bearer(clerk),
      body: {
        procedureCode: HOUSEHOLD,
        applicant: { nationalId: '022090004321', fullName: 'Vũ Văn Ma Trận' },
        formData: { ...HOUSEHOLD_FORM, nationalId: '022090004321' },
      },
    });
    expect(registered.status).toBe(201);
    const id = registered.body.id;
    const act = async (tokens: Tokens, action: string, fields: Record<string, unknown>) => {
      const response = await fetch(`${stack.apiUrl}/api/applications/${id}/actions`, {
        method: 'POST',
        headers: { ...bearer(tokens), 'content-type': 'application/json' },
        body: JSON.stringify({ action, ...fields }),
      });
      return {
        status: response.status,
        body: (await response.json()) as { consultations?: { id: string }[] },
      };
    };
    const ask = {
      agencyIds: [agencyId('QN-STP')],
      reason: 'Any record against the applicant?',
      answerDueAt: new Date(Date.now() + 3_600_000).toISOString(),
    };
    const callers: [string, Tokens][] = [
      ['citizen', citizen],
      ['supervisor', supervisor],
      ['admin', admin],
      ['consulted clerk', consulted],
      ['other agency clerk', bystander],
    ];
    const outcomes: string[] = [];
    for (const [name, tokens] of callers)
      outcomes.push(`consult as ${name}: ${(await act(tokens, 'consult', ask)).status}`);
    const asked = await act(clerk, 'consult', ask);
    outcomes.push(`consult as clerk: ${asked.status}`);
    const consultationId = asked.body.consultations![0]!.id;
    const answer = { consultationId, opinion: 'Nothing on record.' };
    for (const [name, tokens] of callers.filter(([name]) => name !== 'consulted clerk')) {
      outcomes.push(
        `answer_consultation as ${name}: ${(await act(tokens, 'answer_consultation', answer)).status}`,
      );
    }
    outcomes.push(
      `answer_consultation as clerk: ${(await act(clerk, 'answer_consultation', answer)).status}`,
    );
    outcomes.push(`approve as consulted clerk: ${(await act(consulted, 'approve', {})).status}`);

    // Every route that names a file, as the consulted clerk: the file and its documents, and actions.
    const reached: string[] = [];
    const expectedReach: string[] = [];
    for (const route of routes.filter((each) => each.path.startsWith('/api/applications/:id'))) {
      if (route.path.endsWith('/actions')) continue;
      const path = route.path.replace(':id', id).replace(/:\w+/g, SAMPLE_PARAMETER);
      const response = await fetch(`${stack.apiUrl}${path}`, {
        method: route.method,
        headers: { ...bearer(consulted), 'content-type': 'application/json' },
        body: bodyFor(route),
      });
      await response.body?.cancel();
      reached.push(`${route.method} ${route.path}: ${response.status}`);
      const readsTheFile = route.method === 'GET' && route.path === '/api/applications/:id';
      const forbidden = expectedOutcome(route, 'clerk') === 403;
      expectedReach.push(`${route.method} ${route.path}: ${readsTheFile ? 200 : forbidden ? 403 : 404}`);
    }
    expect(reached).toEqual(expectedReach);

    outcomes.push(
      `answer_consultation as consulted clerk: ${(await act(consulted, 'answer_consultation', answer)).status}`,
    );
    outcomes.push(
      `answer_consultation again as consulted clerk: ${(await act(consulted, 'answer_consultation', answer)).status}`,
    );
    expect(outcomes).toEqual([
      // A citizen reaches only their own files; the supervisor's scope holds Ha Long but the row names
      // clerks; the administrator likewise; the other agencies do not reach the file at all.
      'consult as citizen: 404',
      'consult as supervisor: 403',
      'consult as admin: 403',
      'consult as consulted clerk: 404',
      'consult as other agency clerk: 404',
      'consult as clerk: 200',
      'answer_consultation as citizen: 404',
      // Staff who see the file but are not of the agency consulted may not answer for it.
      'answer_consultation as supervisor: 403',
      'answer_consultation as admin: 403',
      'answer_consultation as other agency clerk: 404',
      'answer_consultation as clerk: 403',
      'approve as consulted clerk: 403',
      'answer_consultation as consulted clerk: 200',
      'answer_consultation again as consulted clerk: 404',
    ]);
  });
});
