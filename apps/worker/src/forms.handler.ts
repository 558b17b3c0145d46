import { Injectable } from '@nestjs/common';

import { FormIssuer } from '@onegate/documents';
import { JobHandler, JobName } from '@onegate/jobs';
import type { FormPayload } from '@onegate/jobs';

/** Renders the one-stop-shop forms an action called for and attaches them to the file. */
@Injectable()
export class FormsHandler {
  public constructor(private readonly forms: FormIssuer) {}

  @JobHandler(JobName.RenderForm)
  public async render(payload: FormPayload): Promise<void> {
    await this.forms.renderMissing(payload.applicationId, payload.form);
  }
}
