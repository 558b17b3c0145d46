import { Injectable } from '@nestjs/common';
import type { Response } from 'express';

import type { AuthenticatedUser } from '@onegate/access';
import { DraftRemovalService } from '@onegate/applications';

import { fileHeading } from '../core/file-heading';
import type { FieldProblem } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { confirmationPageView } from './confirmation-page';

/**
 * The page that asks before a citizen deletes a draft (docs/portal.md, "Irreversible steps ask first"),
 * or says why a draft with a recorded payment cannot be deleted.
 */
@Injectable()
export class DraftDeletionPage {
  public constructor(
    private readonly removal: DraftRemovalService,
    private readonly pages: PageRenderer,
  ) {}

  /** False when the file is no draft (and there are no problems to show). */
  public async render(
    user: AuthenticatedUser,
    id: string,
    request: WebRequest,
    response: Response,
    problems: FieldProblem[] = [],
    status = 200,
  ): Promise<boolean> {
    const { application, refusal } = await this.removal.check(user, id);
    if (refusal === 'not_a_draft' && problems.length === 0) return false;
    const lang = languageOf(request);
    const file = { id: application.id, heading: fileHeading(lang, application) };
    const step = {
      titleKey: 'deleteDraft.title',
      stepKey: 'deleteDraft.title',
      buttonId: 'confirm-deletion',
    };
    const procedureName = { vi: application.procedure!.nameVi, en: application.procedure!.nameEn };
    const view = {
      ...confirmationPageView(lang, file, step, problems),
      application: { id: application.id, procedureName },
      canDelete: refusal === null,
      keptForPayment: refusal === 'has_events',
    };
    await this.pages.render(request, response, 'citizen/delete-draft', view, status);
    return true;
  }
}
