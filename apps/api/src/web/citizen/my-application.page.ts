import { Injectable } from '@nestjs/common';
import type { Response } from 'express';

import type { AuthenticatedUser } from '@onegate/access';
import { ApplicationMessagesService, ApplicationReadingService } from '@onegate/applications';

import { CatalogueService } from '../../catalogue/catalogue.service';
import { threadView } from '../core/message-thread';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { myApplicationView } from './my-applications.view';

/** The page of one of the citizen's files, shown alone or with the errors of one of its forms. */
@Injectable()
export class MyApplicationPage {
  public constructor(
    private readonly reading: ApplicationReadingService,
    private readonly catalogue: CatalogueService,
    private readonly pages: PageRenderer,
    private readonly messages: ApplicationMessagesService,
  ) {}

  public async render(
    user: AuthenticatedUser,
    id: string,
    request: WebRequest,
    response: Response,
    errors: object = {},
    status = 200,
  ): Promise<void> {
    const application = await this.reading.get(user, id);
    const procedure = await this.catalogue.getProcedure(application.procedureCode);
    const view = myApplicationView(application, procedure, languageOf(request));
    const thread = await threadView(this.messages, user, id);
    await this.pages.render(request, response, 'citizen/application', { ...view, thread, ...errors }, status);
  }
}
