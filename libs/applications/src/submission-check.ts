import { ConflictException, Injectable } from '@nestjs/common';

import { validateFormData } from '@onegate/domain';
import type { FieldProblem } from '@onegate/domain';
import { ApplicationRepository } from '@onegate/persistence';
import type { Application, Attachment } from '@onegate/persistence';

import { unprocessable } from './application-errors';

/** What `submit` re-checks on the server: today's form schema, every mandatory document, a live procedure. */
@Injectable()
export class SubmissionCheck {
  public constructor(private readonly applications: ApplicationRepository) {}

  /** Gives the documents it checked. */
  public async assertComplete(application: Application): Promise<Attachment[]> {
    const procedure = application.procedure!;
    if (procedure.retiredAt)
      throw new ConflictException('This procedure is retired and takes no new applications');
    const problems: FieldProblem[] = validateFormData(procedure.formSchema, application.formData);
    const attachments = await this.applications.attachmentsOf(application.id);
    const uploaded = new Set(attachments.map((file) => file.documentName));
    for (const document of procedure.requiredDocuments.filter((required) => required.mandatory)) {
      if (!uploaded.has(document.name)) {
        problems.push({ field: `attachments.${document.name}`, problems: ['this document is required'] });
      }
    }
    if (problems.length > 0) throw unprocessable(problems);
    return attachments;
  }
}
