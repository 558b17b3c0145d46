import type { INestApplication } from '@nestjs/common';
import { GUARDS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { DocumentBuilder, getSchemaPath, SwaggerModule } from '@nestjs/swagger';
import type {
  OperationObject,
  ResponsesObject,
} from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ThrottlerGuard } from '@nestjs/throttler';

import type { RouteAccess } from '@onegate/access';
import { listRoutes } from '@onegate/access';
import { SESSION_COOKIE } from '@onegate/auth';
import type { PARTNER_SCOPES } from '@onegate/domain';

import { ERROR_MEANINGS } from './api-errors.decorator';
import { ErrorBody, FieldProblem } from './error-body.dto';

/** The names of the security schemes in the document (docs/api.md, "Who may call"). */
export const SECURITY = {
  bearer: 'bearer',
  session: 'session',
  csrf: 'csrf',
  partner: 'partnerClient',
} as const;

const PARTNER_SCOPE_MEANINGS: Record<(typeof PARTNER_SCOPES)[number], string> = {
  'files:read': 'read the sent files of the client’s agencies',
  'steps:act': 'forward a file from a step transferred to one of the client’s agencies',
  'reports:read': 'read the report figures of the client’s agencies',
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
const CHANGES_STATE = new Set(['post', 'put', 'patch', 'delete']);

/**
 * The API's contract, served at /api/docs (docs/api.md): what the controllers declare, plus, for every
 * operation, the security its access rule implies and the error answers every route of its kind gives.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const base = new DocumentBuilder()
    .setTitle('OneGate API')
    .setDescription(
      'The API of OneGate, the administrative-procedure e-service portal. Every error answers with the ' +
        'shared `ErrorBody` (except the OAuth token route, which answers as RFC 6749 §5.2 says).',
    )
    .setVersion('0.1.0')
    .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
    .addServer('/', 'This OneGate')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: 'An access token from /api/auth/login',
      },
      SECURITY.bearer,
    )
    .addCookieAuth(
      SESSION_COOKIE,
      { type: 'apiKey', in: 'cookie', description: 'The web session cookie, set by /api/auth/web-session' },
      SECURITY.session,
    )
    .addApiKey(
      {
        type: 'apiKey',
        in: 'header',
        name: 'X-CSRF-Token',
        description: 'The CSRF token, required with the session cookie on every request that changes state',
      },
      SECURITY.csrf,
    )
    .addOAuth2(
      {
        type: 'oauth2',
        description: 'Partner clients (docs/partner-clients.md): the client credentials grant',
        flows: {
          clientCredentials: { tokenUrl: '/api/oauth/token', scopes: { ...PARTNER_SCOPE_MEANINGS } },
        },
      },
      SECURITY.partner,
    )
    .build();
  const document = SwaggerModule.createDocument(app, base, { extraModels: [ErrorBody, FieldProblem] });
  describeAccessAndErrors(document, listRoutes(app.get(ModulesContainer)));
  return document;
}

/** Security and the common error answers of each operation, from its route's access rule and guards. */
function describeAccessAndErrors(document: OpenAPIObject, routes: RouteAccess[]): void {
  const byKey = new Map(routes.map((route) => [`${route.method.toLowerCase()} ${route.path}`, route]));
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const route = byKey.get(`${method} ${path.replace(/\{([^}]+)\}/g, ':$1')}`);
      if (!route?.rule) throw new Error(`No access rule found for ${method.toUpperCase()} ${path}`);
      operation.security = securityOf(route, method);
      commaSeparatedLists(operation);
      const common = [
        ...(hasInput(operation) || CHANGES_STATE.has(method) ? [400] : []),
        ...(route.rule.kind === 'public' ? [] : [401, 403]),
        ...(path.includes('{') ? [404] : []),
        // Partner clients are held to PARTNER_RATE_PER_MINUTE on every route (docs/partner-clients.md).
        ...(isThrottled(route) || route.rule.kind === 'partner' ? [429] : []),
        // Any request that may carry a body: over BODY_LIMIT_KB, or of a media type the route does not read.
        ...(CHANGES_STATE.has(method) ? [413, 415] : []),
      ];
      for (const status of common) addError(operation.responses, status);
    }
  }
}

function securityOf(route: RouteAccess, method: string): OperationObject['security'] {
  switch (route.rule?.kind) {
    case 'partner':
      return [{ [SECURITY.partner]: [route.rule.scope] }];
    case 'authenticated':
      return [
        { [SECURITY.bearer]: [] },
        CHANGES_STATE.has(method)
          ? { [SECURITY.session]: [], [SECURITY.csrf]: [] }
          : { [SECURITY.session]: [] },
      ];
    default:
      // Public: no credentials needed (a signed-in caller is still recognised where the route cares).
      return [];
  }
}

/**
 * A query parameter that takes several values takes them comma-separated in one parameter
 * (`state=received,in_progress`), which OpenAPI writes as `style: form, explode: false`.
 */
function commaSeparatedLists(operation: OperationObject): void {
  for (const parameter of operation.parameters ?? []) {
    if ('in' in parameter && parameter.in === 'query' && parameter.schema && 'type' in parameter.schema) {
      if (parameter.schema.type === 'array') Object.assign(parameter, { style: 'form', explode: false });
    }
  }
}

function hasInput(operation: OperationObject): boolean {
  return Boolean(operation.requestBody) || (operation.parameters ?? []).length > 0;
}

function isThrottled(route: RouteAccess): boolean {
  const { controller, method } = route.handler;
  const guards = [
    ...((Reflect.getMetadata(GUARDS_METADATA, controller) as unknown[] | undefined) ?? []),
    ...((Reflect.getMetadata(GUARDS_METADATA, controller.prototype[method] as object) as
      unknown[] | undefined) ?? []),
  ];
  return guards.includes(ThrottlerGuard);
}

function addError(responses: ResponsesObject, status: number): void {
  if (responses[status]) return;
  responses[status] = {
    description: ERROR_MEANINGS[status] ?? 'Refused',
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBody) } } },
  };
}
