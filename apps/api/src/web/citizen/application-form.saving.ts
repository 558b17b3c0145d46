import { Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { ApplicationIntakeService, AttachmentService } from '@onegate/applications';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { parseFormFields } from '../core/form-fields';
import { refusalProblems } from '../core/form-outcome';
import type { FieldProblem } from '../core/form-problems';
import { itemOfPart } from '../core/supplement-view';
import type { SupplementRequestView } from '../core/supplement-view';
import { documentOfPart } from './application-form.view';

/** What one post of the application form carries. */
export interface PostedApplicationForm {
  posted: Record<string, string>;
  files: Express.Multer.File[];
  /** Problems found before saving (an upload over its limits). */
  problems: FieldProblem[];
  /** The supplement request the form answers, whose items' inputs are `item-<index>`. */
  supplementRequest: SupplementRequestView | null;
}

/**
 * Saves what one post of the application form carries: the files under the documents their inputs stand
 * for, then the answers (drafts are kept on the server). A refused file or answer is a field problem.
 */
@Injectable()
export class ApplicationFormSaving {
  public constructor(
    private readonly intake: ApplicationIntakeService,
    private readonly attachments: AttachmentService,
  ) {}

  public async save(
    user: AuthenticatedUser,
    id: string,
    procedure: ProcedureDto,
    form: PostedApplicationForm,
  ) {
    const formData = parseFormFields(procedure.formSchema, form.posted);
    const problems = [...form.problems, ...(await this.storeDocuments(user, id, procedure, form))];
    await this.intake.updateForm(user, id, { formData }).catch((error: unknown) => {
      problems.push(...refusalProblems(error));
    });
    return { formData, problems };
  }

  private async storeDocuments(
    user: AuthenticatedUser,
    id: string,
    procedure: ProcedureDto,
    form: PostedApplicationForm,
  ): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    for (const file of form.files) {
      const document =
        itemOfPart(form.supplementRequest, file.fieldname) ??
        documentOfPart(procedure.requiredDocuments, file.fieldname);
      if (!document || file.size === 0) continue;
      const upload = {
        originalName: Buffer.from(file.originalname, 'latin1').toString('utf8'),
        path: file.path,
        sizeBytes: file.size,
        documentName: document.name,
      };
      await this.attachments.upload(user, id, upload).catch((error: unknown) => {
        const field = `attachments.${document.name}`;
        problems.push(...refusalProblems(error).map((detail) => ({ field, problems: detail.problems })));
      });
    }
    return problems;
  }
}
