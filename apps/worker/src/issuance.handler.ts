import { ConflictException, Injectable } from '@nestjs/common';

import { ApplicationActionsService } from '@onegate/applications';
import { JobHandler, JobName } from '@onegate/jobs';
import type { ApplicationPayload } from '@onegate/jobs';

/**
 * After an online decision, OneGate signs the result digitally (the `sign` action by `system`, channel
 * online). A job delivered twice finds the result already signed and changes nothing.
 */
@Injectable()
export class IssuanceHandler {
  public constructor(private readonly actions: ApplicationActionsService) {}

  @JobHandler(JobName.IssueResult)
  public async issue(payload: ApplicationPayload): Promise<void> {
    try {
      await this.actions.perform({ kind: 'system' }, payload.applicationId, { action: 'sign' });
    } catch (error) {
      const details =
        error instanceof ConflictException ? (error.getResponse() as { details?: object }).details : null;
      // Already signed, or no longer decided: nothing left to do. A concurrent change is retried.
      if (details && 'allowedActions' in details) return;
      throw error;
    }
  }
}
