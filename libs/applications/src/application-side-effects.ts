import { Injectable } from '@nestjs/common';

import type { Action, Channel } from '@onegate/domain';
import { JobDispatcher, JobName } from '@onegate/jobs';
import type { Application } from '@onegate/persistence';

/** Work that follows an action outside the request: intake after submission, issuance after a decision. */
@Injectable()
export class ApplicationSideEffects {
  public constructor(private readonly jobs: JobDispatcher) {}

  public async after(action: Action, application: Application, channel: Channel): Promise<void> {
    const jobId = `${application.id}:${action}:${application.version}`;
    if (action === 'submit') {
      await this.jobs.dispatch(JobName.Intake, { applicationId: application.id }, { jobId });
    }
    if ((action === 'approve' || action === 'deny') && channel === 'online') {
      await this.jobs.dispatch(JobName.IssueResult, { applicationId: application.id }, { jobId });
    }
  }
}
