import { Body, Controller, Get, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BodyAfter, CurrentUser, ROLE_IS_ENOUGH } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { AgencyRepository } from '@onegate/persistence';

import { CreateStaffRequest, UpdateUserRequest } from '../../identity/staff.dto';
import { StaffService } from '../../identity/staff.service';
import type { UserDto } from '../../identity/user.dto';
import { answerForm, attempt } from '../core/form-outcome';
import type { FormErrors } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { validateFields } from '../core/validate-fields';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';
import { IdParam } from '../../id-param';
import { newStaffValues, staffChanges } from './staff.form';
import { staffAccountView, staffErrors, staffFilters, staffListView } from './staff-page.view';

const PAGE_SIZE = 50;

/** Administrators create staff accounts, change their role or agency, and deactivate them. */
@ApiExcludeController()
@Controller('admin/staff')
@Authenticated({ roles: ['admin'] })
export class StaffPageController {
  public constructor(
    private readonly staff: StaffService,
    private readonly agencies: AgencyRepository,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async list(
    @Query('role') role: unknown,
    @Query('q') q: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    await this.renderList(request, response, textFields({ role, q }), {}, null);
  }

  @Post()
  public async create(
    @CurrentUser() admin: AuthenticatedUser,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    const values = newStaffValues(textFields(body));
    const { value, problems } = await validateFields(CreateStaffRequest, values);
    const outcome = await attempt(
      async () => {
        await this.staff.create(admin, value);
        return '/admin/staff?notice=staffCreated';
      },
      { problems },
    );
    await answerForm(response, outcome, (failure) => {
      const errors = staffErrors(languageOf(request), failure.problems);
      return this.renderList(request, response, {}, { ...values, password: '' }, errors, failure.status);
    });
  }

  @Get(':id')
  public async edit(@IdParam() id: string, @Req() request: WebRequest, @Res() response: Response) {
    await this.renderEdit(request, response, await this.staff.get(id), null);
  }

  @Post(':id')
  @BodyAfter(ROLE_IS_ENOUGH)
  public async update(
    @CurrentUser() admin: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    const account = await this.staff.get(id);
    const { value, problems } = await validateFields(UpdateUserRequest, staffChanges(textFields(body)));
    const outcome = await attempt(
      async () => {
        await this.staff.update(admin, id, value);
        return `/admin/staff/${id}?notice=staffSaved`;
      },
      { problems },
    );
    await answerForm(response, outcome, (failure) => {
      const errors = staffErrors(languageOf(request), failure.problems);
      return this.renderEdit(request, response, account, errors, failure.status);
    });
  }

  private async agencyList() {
    return (await this.agencies.list({ page: 1, pageSize: 500 })).items;
  }

  private async renderList(
    request: WebRequest,
    response: Response,
    asked: Record<string, string>,
    values: Record<string, string>,
    errors: FormErrors | null,
    status = 200,
  ) {
    const filters = staffFilters(asked);
    const page = await this.staff.list({ page: 1, pageSize: PAGE_SIZE, ...filters });
    const view = staffListView(languageOf(request), filters, page, await this.agencyList(), values, errors);
    await this.pages.render(request, response, 'admin/staff', view, status);
  }

  private async renderEdit(
    request: WebRequest,
    response: Response,
    account: UserDto,
    errors: FormErrors | null,
    status = 200,
  ) {
    const view = staffAccountView(languageOf(request), account, await this.agencyList(), errors);
    await this.pages.render(request, response, 'admin/staff-account', view, status);
  }
}
