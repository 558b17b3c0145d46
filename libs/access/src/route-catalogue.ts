import type { Type } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { ModulesContainer } from '@nestjs/core';
import { Reflector } from '@nestjs/core';

import type { AccessRule } from './access-rule';
import { ACCESS_RULE } from './access-rule';
import type { BodyAfterCheck } from './body-after';
import { BODY_AFTER, takesBodyForResource } from './body-after';

export interface RouteAccess {
  method: string;
  path: string;
  controller: string;
  rule: AccessRule | undefined;
  /** What is checked about the path's resource before the body is read (`@BodyAfter`). */
  bodyAfter: BodyAfterCheck | undefined;
  /** The controller class and the name of its method that answers the route. */
  handler: { controller: Type; method: string };
}

const joinPath = (...parts: (string | undefined)[]): string =>
  `/${parts
    .flatMap((part) => (part ?? '').split('/'))
    .filter(Boolean)
    .join('/')}`;

/** Every HTTP route of an application with the access rule it declares, read from the route metadata. */
export function listRoutes(modules: ModulesContainer, reflector = new Reflector()): RouteAccess[] {
  const routes: RouteAccess[] = [];
  for (const module of modules.values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type | null;
      if (!controller) continue;
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        routes.push({
          method: RequestMethod[method],
          path: joinPath(base, Reflect.getMetadata(PATH_METADATA, handler) as string | undefined),
          controller: controller.name,
          rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [handler, controller]),
          bodyAfter: reflector.getAllAndOverride<BodyAfterCheck | undefined>(BODY_AFTER, [
            handler,
            controller,
          ]),
          handler: { controller, method: name },
        });
      }
    }
  }
  return routes;
}

/**
 * Refuses to start an application with a route that does not say who may call it, or that takes a
 * body for a resource of its path without saying what is checked about that resource first.
 */
export function assertEveryRouteDeclaresAccess(modules: ModulesContainer): void {
  const routes = listRoutes(modules);
  refuseIfAny(
    'routes without an access rule',
    routes.filter((route) => !route.rule),
  );
  refuseIfAny(
    'routes taking a body for the resource of their path without @BodyAfter',
    routes.filter(
      (route) => takesBodyForResource(route) && route.rule?.kind !== 'public' && !route.bodyAfter,
    ),
  );
}

function refuseIfAny(problem: string, routes: RouteAccess[]): void {
  if (routes.length === 0) return;
  const names = routes.map((route) => `${route.method} ${route.path} (${route.controller})`);
  throw new Error(`${problem}: ${names.join(', ')}`);
}
