import { Body, Controller, Get, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { DEFAULT_SCORING_TABLE } from '@onegate/reporting';

import { ScoringTableRequest } from '../../reports/service-index.query';
import { ServiceIndexService } from '../../reports/service-index.service';
import { answerForm, attempt } from '../core/form-outcome';
import type { FormErrors } from '../core/form-problems';
import { localToday } from '../core/formatters';
import { PageRenderer } from '../core/page-renderer';
import { validateFields } from '../core/validate-fields';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';
import type { ScoringFormValues } from './scoring-page.view';
import { formValuesOf, requestOf, scoringErrors, scoringView } from './scoring-page.view';

/** The scoring table of the service index (docs/decision-766.md): its versions, and a new one. */
@ApiExcludeController()
@Controller('admin/service-index')
@Authenticated({ roles: ['admin'] })
export class ScoringPageController {
  public constructor(
    private readonly serviceIndex: ServiceIndexService,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async show(@Req() request: WebRequest, @Res() response: Response) {
    const versions = await this.serviceIndex.scoringTables();
    const values = formValuesOf(versions[0] ?? DEFAULT_SCORING_TABLE, localToday());
    await this.render(request, response, values, null);
  }

  @Post()
  public async add(
    @CurrentUser() admin: AuthenticatedUser,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    const values = textFields(body);
    const { value, problems } = await validateFields(ScoringTableRequest, requestOf(values));
    const outcome = await attempt(
      async () => {
        await this.serviceIndex.addScoringTable(admin, value.effectiveFrom, value);
        return '/admin/service-index?notice=scoringTableAdded';
      },
      { problems },
    );
    await answerForm(response, outcome, (failure) =>
      this.render(
        request,
        response,
        values,
        scoringErrors(languageOf(request), failure.problems),
        failure.status,
      ),
    );
  }

  private async render(
    request: WebRequest,
    response: Response,
    values: ScoringFormValues,
    errors: FormErrors | null,
    status?: number,
  ) {
    const versions = await this.serviceIndex.scoringTables();
    await this.pages.render(
      request,
      response,
      'admin/service-index',
      scoringView(versions, values, errors),
      status,
    );
  }
}
