import { Controller, Get, HttpStatus, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BodyAfter, CurrentUser, ROLE_IS_ENOUGH } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { ApplicationIntakeService, ApplicationReadingService } from '@onegate/applications';
import { UserRepository } from '@onegate/persistence';

import { CatalogueService } from '../../catalogue/catalogue.service';
import { refusalInWords } from '../core/form-outcome';
import { messageOf, translateProblem } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { PAGE_NUMBER } from '../core/web-request';
import { IdParam } from '../../id-param';
import { MyApplicationPage } from './my-application.page';
import { myApplicationsView, prefilledAnswers } from './my-applications.view';

const PAGE_SIZE = 20;

/** A citizen's own files: start one, list them, follow one (its forms: my-application-actions). */
@ApiExcludeController()
@Controller()
@Authenticated({ roles: ['citizen'] })
export class MyApplicationsController {
  public constructor(
    private readonly intake: ApplicationIntakeService,
    private readonly reading: ApplicationReadingService,
    private readonly catalogue: CatalogueService,
    private readonly users: UserRepository,
    private readonly applicationPage: MyApplicationPage,
    private readonly pages: PageRenderer,
  ) {}

  @Post('procedures/:code/apply')
  @BodyAfter(ROLE_IS_ENOUGH)
  public async apply(
    @CurrentUser() user: AuthenticatedUser,
    @Param('code') code: string,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const procedure = await this.catalogue.getProcedure(code);
    const formData = prefilledAnswers(procedure, (await this.users.findById(user.id))!);
    // A refusal such as the open-drafts limit shows on the error page in the reader's language.
    const inWords = refusalInWords((refusal) => translateProblem(languageOf(request), messageOf(refusal)));
    const { draft, reused } = await this.intake
      .openDraft(user, { procedureCode: code, formData })
      .catch(inWords);
    const notice = reused ? 'draftReopened' : 'draftCreated';
    response.redirect(HttpStatus.SEE_OTHER, `/my/applications/${draft.id}/edit?notice=${notice}`);
  }

  @Get('my/applications')
  public async list(
    @CurrentUser() user: AuthenticatedUser,
    @Query('page', PAGE_NUMBER) requested: number | undefined,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    const page = requested ?? 1;
    const result = await this.reading.mine(user, page, PAGE_SIZE);
    const view = myApplicationsView(result, page, PAGE_SIZE);
    await this.pages.render(request, response, 'citizen/applications', view);
  }

  @Get('my/applications/:id')
  public async show(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Req() request: WebRequest,
    @Res() response: Response,
  ): Promise<void> {
    await this.applicationPage.render(user, id, request, response);
  }

  /**
   * The signed result's address in e-mails (docs/notifications.md): a page address, so a reader who is
   * not signed in is sent through sign-in first, then on to the download, which checks the file is theirs.
   */
  @Get('my/applications/:id/result')
  public result(@IdParam() id: string, @Res() response: Response): void {
    response.redirect(HttpStatus.SEE_OTHER, `/api/applications/${id}/result`);
  }
}
