import { ConflictException, Injectable } from '@nestjs/common';

import { ApplicationActionsService } from '@onegate/applications';
import { ResultIssuer } from '@onegate/documents';
import { JobName, OnJob } from '@onegate/jobs';
import type { ApplicationPayload } from '@onegate/jobs';

/**
 * After an online decision, OneGate renders the result (or the decision letter of a denial), signs it
 * with the agency's certificate, stores it with its SHA-256, and only then records the `sign` action
 * by `system`, channel online. A retried job reuses the stored result instead of signing twice, and a
 * job delivered after the `sign` event changes nothing.
 */
@Injectable()
export class OnlineSigning {
  public constructor(
    private readonly results: ResultIssuer,
    private readonly actions: ApplicationActionsService,
  ) {}

  @OnJob(JobName.IssueResult)
  public async issue(payload: ApplicationPayload): Promise<void> {
    const result = await this.results.issue(payload.applicationId);
    // No result: the file is no longer decided, or was signed on paper. Nothing to record.
    if (!result) return;
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
