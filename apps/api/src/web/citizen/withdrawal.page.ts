import { Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { ApplicationReadingService } from '@onegate/applications';

import { PageRenderer } from '../core/page-renderer';
import { ConfirmationPage } from './confirmation-page';

/** The page that asks before a citizen withdraws a file: what it means, then confirm or go back. */
@Injectable()
export class WithdrawalPage extends ConfirmationPage {
  protected readonly step = {
    template: 'citizen/withdraw',
    titleKey: 'withdrawConfirm.title',
    stepKey: 'withdraw.title',
    buttonId: 'confirm-withdrawal',
  };

  public constructor(
    private readonly reading: ApplicationReadingService,
    pages: PageRenderer,
  ) {
    super(pages);
  }

  protected async factsOf(user: AuthenticatedUser, id: string) {
    const application = await this.reading.get(user, id);
    const canWithdraw = application.allowedActions.includes('withdraw');
    return { file: application, possible: canWithdraw, view: { application, canWithdraw } };
  }
}
