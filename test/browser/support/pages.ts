import { ModulesContainer } from '@nestjs/core';

import type { RouteAccess } from '@onegate/access';
import { listRoutes } from '@onegate/access';
import type { Role } from '@onegate/domain';

import type { TestStack } from '../../support/test-stack';

export type Visitor = Role | 'anonymous';

/**
 * GET routes outside the API that answer something other than a portal page: a redirect, a file, or
 * the HTML part of a mail (the mail as sent, shown in a sandboxed frame of the mail's page).
 */
const NOT_PAGES = new Set([
  '/language/:language',
  '/applications/:id/documents/:attachmentId',
  '/admin/mail/:id/html',
  '/admin/mail/:id/attachments/:index',
  '/admin/mail/preview/:template/html',
  '/my/notifications/:id',
  '/my/applications/:id/result',
  '/my/documents/:id/file',
  '/staff/applications/:id/result/draft',
]);

/** Outside the portal's pages: the JSON API, and the probes and metrics read by machines. */
const MACHINE_PREFIXES = ['/api', '/health', '/metrics'];

/**
 * Every page of the running portal, read from the routes the API declares (so a new page is covered
 * without anyone adding it to a list): each GET route meant for people, with who may open it.
 */
export function portalPages(stack: TestStack): RouteAccess[] {
  return listRoutes(stack.api.get(ModulesContainer)).filter(
    (route) =>
      route.method === 'GET' &&
      !NOT_PAGES.has(route.path) &&
      !MACHINE_PREFIXES.some((prefix) => route.path === prefix || route.path.startsWith(`${prefix}/`)),
  );
}

/** Whether the page's declared access rule lets this visitor open it. */
export function opens(route: RouteAccess, visitor: Visitor): boolean {
  const rule = route.rule!;
  if (rule.kind === 'public') return true;
  if (visitor === 'anonymous' || rule.kind === 'partner') return false;
  return rule.roles === 'any' || rule.roles.includes(visitor);
}

/** Real values for a route's parameters: one set per page to visit. */
export type PageSamples = Record<string, Record<string, string>[]>;

/**
 * The addresses to visit for a page route: the route itself, or the route with each set of real
 * parameter values. A route with parameters and no values is an error, so no page is skipped silently.
 */
export function addressesOf(route: RouteAccess, samples: PageSamples): string[] {
  if (!route.path.includes(':')) return [route.path];
  const sets = samples[route.path];
  if (!sets?.length) throw new Error(`no real parameter values to open ${route.path} (${route.controller})`);
  return sets.map((values) =>
    route.path.replace(/:(\w+)/g, (_, name: string) => {
      if (values[name] === undefined) throw new Error(`no value for :${name} of ${route.path}`);
      return encodeURIComponent(values[name]);
    }),
  );
}
