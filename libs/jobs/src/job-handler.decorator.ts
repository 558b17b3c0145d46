import { SetMetadata } from '@nestjs/common';

import type { JobName } from './job-registry';

export const JOB_HANDLER = Symbol('onegate:job-handler');

/** Marks a provider method as the handler of one job name. */
export const JobHandler = (name: JobName): MethodDecorator => SetMetadata(JOB_HANDLER, name);
