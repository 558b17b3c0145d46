import { Injectable } from '@nestjs/common';
import type { Response } from 'express';

import type { AuthenticatedUser } from '@onegate/access';
import { DraftRemovalService } from '@onegate/applications';

import { fileHeading } from '../core/file-heading';
import { errorsOf } from '../core/form-outcome';
import type { FieldProblem } from '../core/form-problems';
import { translate } from '../core/messages';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';

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
    const heading = fileHeading(lang, application);
    const errors = errorsOf(
      lang,
      problems,
      () => 'confirm-deletion',
      () => translate(lang, 'deleteDraft.title'),
    );
    await this.pages.render(
      request,
      response,
      'citizen/delete-draft',
      {
        titleText: `${translate(lang, 'deleteDraft.title')} – ${heading}`,
        application: {
          id: application.id,
          procedureName: { vi: application.procedure!.nameVi, en: application.procedure!.nameEn },
        },
        heading,
        canDelete: refusal === null,
        keptForPayment: refusal === 'has_events',
        errors,
        breadcrumbs: [
          { key: 'nav.myApplications', href: '/my/applications' },
          { text: heading, href: `/my/applications/${application.id}` },
          { key: 'deleteDraft.title' },
        ],
      },
      status,
    );
    return true;
  }
}
