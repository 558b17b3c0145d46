import { Injectable } from '@nestjs/common';
import type { Response } from 'express';

import type { AuthenticatedUser } from '@onegate/access';
import { ApplicationReadingService } from '@onegate/applications';

import { fileHeading } from '../core/file-heading';
import type { FieldProblem } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { confirmationPageView } from './confirmation-page';

/** The page that asks before a citizen withdraws a file: what it means, then confirm or go back. */
@Injectable()
export class WithdrawalPage {
  public constructor(
    private readonly reading: ApplicationReadingService,
    private readonly pages: PageRenderer,
  ) {}

  /** False when the file cannot be withdrawn now (and there are no problems to show). */
  public async render(
    user: AuthenticatedUser,
    id: string,
    request: WebRequest,
    response: Response,
    problems: FieldProblem[] = [],
    status = 200,
  ): Promise<boolean> {
    const application = await this.reading.get(user, id);
    const canWithdraw = application.allowedActions.includes('withdraw');
    if (!canWithdraw && problems.length === 0) return false;
    const lang = languageOf(request);
    const file = { id: application.id, heading: fileHeading(lang, application) };
    const step = {
      titleKey: 'withdrawConfirm.title',
      stepKey: 'withdraw.title',
      buttonId: 'confirm-withdrawal',
    };
    const view = { ...confirmationPageView(lang, file, step, problems), application, canWithdraw };
    await this.pages.render(request, response, 'citizen/withdraw', view, status);
    return true;
  }
}
