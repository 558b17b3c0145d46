import { ConflictException, Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import {
  ApplicationIntakeService,
  ApplicationReadingService,
  AttachmentService,
} from '@onegate/applications';

import type { ProcedureDto } from '../../catalogue/catalogue.dto';
import { CatalogueService } from '../../catalogue/catalogue.service';
import { parseFormFields } from '../core/form-fields';
import { refusalProblems } from '../core/form-outcome';
import type { FieldProblem } from '../core/form-problems';
import { itemOfPart } from '../core/supplement-view';
import type { SupplementRequestView } from '../core/supplement-view';
import { documentOfPart, isEditable, reusedOfPart } from './application-form.view';

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
    private readonly reading: ApplicationReadingService,
    private readonly catalogue: CatalogueService,
  ) {}

  public async save(
    user: AuthenticatedUser,
    id: string,
    procedure: ProcedureDto,
    form: PostedApplicationForm,
  ) {
    const formData = parseFormFields(procedure.formSchema, form.posted);
    const problems = [
      ...form.problems,
      ...(await this.storeDocuments(user, id, procedure, form)),
      ...(await this.reuseDocuments(user, id, procedure, form)),
    ];
    await this.intake.updateForm(user, id, { formData }).catch((error: unknown) => {
      problems.push(...refusalProblems(error));
    });
    return { formData, problems };
  }

  /**
   * The answers alone, typed so far, into a draft (the autosave; `orSupplement`: answers kept through a
   * new sign-in, which a supplement's form also takes, whole); a file in any other state is refused (409).
   */
  public async saveAnswers(
    user: AuthenticatedUser,
    id: string,
    answers: Record<string, string>,
    orSupplement = false,
  ) {
    const application = await this.reading.get(user, id);
    const editable = application.state === 'draft' || (orSupplement && isEditable(application));
    if (!editable)
      throw new ConflictException(
        `Only a draft is saved as it is typed; this application is ${application.state}`,
      );
    const procedure = await this.catalogue.getProcedure(application.procedureCode);
    const formData = parseFormFields(procedure.formSchema, answers);
    return this.intake.updateForm(user, id, { formData });
  }

  /**
   * The documents given from the citizen's store (`reuse-<index>`, the id of one of its documents):
   * each becomes the file's own copy (docs/documents.md, "Reuse"); a refusal is the document's problem.
   */
  private async reuseDocuments(
    user: AuthenticatedUser,
    id: string,
    procedure: ProcedureDto,
    form: PostedApplicationForm,
  ): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    for (const [part, storeDocumentId] of Object.entries(form.posted)) {
      const document = reusedOfPart(procedure.requiredDocuments, part);
      if (!document || !storeDocumentId) continue;
      await this.attachments.reuse(user, id, document.name, storeDocumentId).catch((error: unknown) => {
        const field = `attachments.${document.name}`;
        problems.push(...refusalProblems(error).map((detail) => ({ field, problems: detail.problems })));
      });
    }
    return problems;
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
