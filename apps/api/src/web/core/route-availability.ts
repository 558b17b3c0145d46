import type { OnApplicationBootstrap } from '@nestjs/common';
import { Injectable } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';

import { listRoutes } from '@onegate/access';

/**
 * Which API routes this build has. Pages that depend on parts built separately (signed results,
 * ratings, reports, mail previews) link to them only when their route is there.
 */
@Injectable()
export class RouteAvailability implements OnApplicationBootstrap {
  private routes = new Set<string>();

  public constructor(private readonly modules: ModulesContainer) {}

  public onApplicationBootstrap(): void {
    this.routes = new Set(listRoutes(this.modules).map((route) => `${route.method} ${route.path}`));
  }

  public has(method: string, path: string): boolean {
    return this.routes.has(`${method} ${path}`);
  }

  /** The first route, in the given order, that exists. */
  public firstOf(method: string, paths: string[]): string | null {
    return paths.find((path) => this.has(method, path)) ?? null;
  }

  public matching(method: string, pattern: RegExp): string[] {
    return [...this.routes]
      .filter((route) => route.startsWith(`${method} `))
      .map((route) => route.slice(method.length + 1))
      .filter((path) => pattern.test(path));
  }
}
