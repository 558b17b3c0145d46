import { SetMetadata } from '@nestjs/common';

import type { JobContext, JobName, JobPayload } from './job-registry';

export const JOB_HANDLER = Symbol('onegate:job-handler');

/** What a handler of job `Name` may be: it takes the job's payload (and, if it wants, its context). */
export type JobHandlerMethod<Name extends JobName> = (
  payload: JobPayload<Name>,
  context: JobContext,
) => Promise<unknown>;

/**
 * Marks a provider method as the handler of one job; the queue is the registry's. The method must
 * accept the job's payload type, or the code does not compile.
 */
export function OnJob<Name extends JobName>(name: Name) {
  return <Method extends JobHandlerMethod<Name>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<Method>,
  ): void => {
    SetMetadata(JOB_HANDLER, name)(target, key, descriptor);
  };
}
