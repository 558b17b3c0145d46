import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

import { ALL_JOBS } from './job-registry';
import type { JobContext, JobName } from './job-registry';
import { JOB_HANDLER } from './on-job.decorator';

/** A handler once found; `@OnJob` has already checked its payload type against the registry. */
export type JobHandlerFunction = (payload: unknown, context: JobContext) => Promise<unknown>;

export class UnhandledJobsError extends Error {
  public constructor(public readonly jobNames: string[]) {
    super(`no handler for job(s): ${jobNames.join(', ')}`);
  }
}

/** Every job name must map to exactly one handler before the worker takes any job. */
export function checkHandlerCoverage(registered: readonly string[], handled: readonly string[]): void {
  const duplicates = handled.filter((name, index) => handled.indexOf(name) !== index);
  if (duplicates.length > 0) throw new Error(`more than one handler for job(s): ${duplicates.join(', ')}`);
  const missing = registered.filter((name) => !handled.includes(name));
  if (missing.length > 0) throw new UnhandledJobsError(missing);
}

/** Finds the @OnJob methods of all providers at start-up; refuses to start with a job unhandled or handled twice. */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, JobHandlerFunction>();

  public constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  public onModuleInit(): void {
    const found: [string, JobHandlerFunction][] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const handler = instance[method] as JobHandlerFunction;
        const name = this.reflector.get<JobName | undefined>(JOB_HANDLER, handler);
        if (name) found.push([name, handler.bind(instance)]);
      }
    }
    checkHandlerCoverage(
      ALL_JOBS,
      found.map(([name]) => name),
    );
    for (const [name, handler] of found) this.handlers.set(name, handler);
  }

  public handlerFor(name: string): JobHandlerFunction {
    const handler = this.handlers.get(name);
    if (!handler) throw new UnhandledJobsError([name]);
    return handler;
  }
}
