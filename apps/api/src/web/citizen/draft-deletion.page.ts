import { Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { DraftRemovalService } from '@onegate/applications';

import { PageRenderer } from '../core/page-renderer';
import { ConfirmationPage } from './confirmation-page';

/**
 * The page that asks before a citizen deletes a draft (docs/portal.md, "Irreversible steps ask first"),
 * or says why a draft with a recorded payment cannot be deleted.
 */
@Injectable()
export class DraftDeletionPage extends ConfirmationPage {
  protected readonly step = {
    template: 'citizen/delete-draft',
    titleKey: 'deleteDraft.title',
    stepKey: 'deleteDraft.title',
    buttonId: 'confirm-deletion',
  };

  public constructor(
    private readonly removal: DraftRemovalService,
    pages: PageRenderer,
  ) {
    super(pages);
  }

  /** Not possible when the file is no draft; a draft with a recorded payment says why it stays. */
  protected async factsOf(user: AuthenticatedUser, id: string) {
    const { application, refusal } = await this.removal.check(user, id);
    const procedureName = { vi: application.procedure!.nameVi, en: application.procedure!.nameEn };
    const view = {
      application: { id: application.id, procedureName },
      canDelete: refusal === null,
      keptForPayment: refusal === 'has_events',
    };
    return { file: application, possible: refusal !== 'not_a_draft', view };
  }
}
