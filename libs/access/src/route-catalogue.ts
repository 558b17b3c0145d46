import type { Type } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import type { ModulesContainer } from '@nestjs/core';
import { Reflector } from '@nestjs/core';

import type { AccessRule } from './access-rule';
import { ACCESS_RULE } from './access-rule';

export interface RouteAccess {
  method: string;
  path: string;
  controller: string;
  rule: AccessRule | undefined;
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
          handler: { controller, method: name },
        });
      }
    }
  }
  return routes;
}

/** Refuses to start an application with a route that does not say who may call it. */
export function assertEveryRouteDeclaresAccess(modules: ModulesContainer): void {
  const undeclared = listRoutes(modules).filter((route) => !route.rule);
  if (undeclared.length > 0) {
    const names = undeclared.map((route) => `${route.method} ${route.path} (${route.controller})`);
    throw new Error(`routes without an access rule: ${names.join(', ')}`);
  }
}
