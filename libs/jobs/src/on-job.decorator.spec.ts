import { describe, expect, it } from 'vitest';

import { JobName } from './job-registry';
import type { ApplicationPayload, FormPayload, JobContext, NotificationPayload } from './job-registry';
import { JOB_HANDLER, OnJob } from './on-job.decorator';

class Handlers {
  @OnJob(JobName.RenderForm)
  public async render(_payload: FormPayload): Promise<number> {
    return 0;
  }

  // A handler may ask for less than the payload holds, or for nothing at all.
  @OnJob(JobName.RenderForm)
  public async byApplication(_payload: ApplicationPayload, _context: JobContext): Promise<void> {}

  @OnJob(JobName.ScanDeadlines)
  public async scan(): Promise<void> {}

  // @ts-expect-error a notification's payload is not a form's
  @OnJob(JobName.SendNotification)
  public async wrongPayload(_payload: FormPayload): Promise<void> {}

  // @ts-expect-error the second argument is the job's context, not part of its payload
  @OnJob(JobName.RenderForm)
  public async spreadPayload(_applicationId: string, _form: string): Promise<void> {}

  // @ts-expect-error a handler is asynchronous
  @OnJob(JobName.SendNotification)
  public synchronous(_payload: NotificationPayload): void {}
}

describe('@OnJob', () => {
  it('marks the method with its job name', () => {
    expect(Reflect.getMetadata(JOB_HANDLER, Handlers.prototype.render)).toBe(JobName.RenderForm);
    expect(Reflect.getMetadata(JOB_HANDLER, Handlers.prototype.scan)).toBe(JobName.ScanDeadlines);
  });
});
