import { Body, Controller, Get, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, BodyAfter, CurrentUser, ROLE_IS_ENOUGH } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { ROLES, STAFF_ROLES } from '@onegate/domain';
import type { Role } from '@onegate/domain';
import { AgencyRepository } from '@onegate/persistence';

import { CreateStaffRequest, UpdateUserRequest } from '../../identity/staff.dto';
import { StaffService } from '../../identity/staff.service';
import type { UserDto } from '../../identity/user.dto';
import { fieldProblemsOf, formErrors, generalError, isFormError, messageOf } from '../core/form-problems';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { translate } from '../core/messages';
import { PageRenderer } from '../core/page-renderer';
import { validateFields } from '../core/validate-fields';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';
import { IdParam } from '../../id-param';

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
    const posted = textFields(body);
    const values = {
      email: posted.email ?? '',
      fullName: (posted.fullName ?? '').trim(),
      role: posted.role ?? '',
      agencyCode: posted.agencyCode ?? '',
      password: posted.password ?? '',
    };
    const checked = await validateFields(CreateStaffRequest, values);
    const problems: FieldProblem[] = [...checked.problems];
    if (problems.length === 0) {
      try {
        await this.staff.create(admin, checked.value);
        return response.redirect(HttpStatus.SEE_OTHER, '/admin/staff?notice=staffCreated');
      } catch (error) {
        if (!isFormError(error)) throw error;
        problems.push(...(fieldProblemsOf(error) ?? [{ field: 'form', problems: [messageOf(error)] }]));
      }
    }
    const errors = this.errors(request, problems);
    await this.renderList(request, response, {}, { ...values, password: '' }, errors, HttpStatus.BAD_REQUEST);
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
    const posted = textFields(body);
    const account = await this.staff.get(id);
    const plain: Record<string, unknown> = { active: posted.active === 'true' };
    if (posted.role) plain.role = posted.role;
    if (posted.agencyCode) plain.agencyCode = posted.agencyCode;
    const checked = await validateFields(UpdateUserRequest, plain);
    const problems: FieldProblem[] = [...checked.problems];
    if (problems.length === 0) {
      try {
        await this.staff.update(admin, id, checked.value);
        return response.redirect(HttpStatus.SEE_OTHER, `/admin/staff/${id}?notice=staffSaved`);
      } catch (error) {
        if (!isFormError(error)) throw error;
        problems.push(...(fieldProblemsOf(error) ?? [{ field: 'form', problems: [messageOf(error)] }]));
      }
    }
    await this.renderEdit(request, response, account, this.errors(request, problems), HttpStatus.BAD_REQUEST);
  }

  private errors(request: WebRequest, problems: FieldProblem[]): FormErrors {
    const lang = languageOf(request);
    if (problems.length === 1 && problems[0].field === 'form') return generalError(problems[0].problems[0]);
    return formErrors(
      lang,
      problems,
      (field) => field,
      (id) => translate(lang, `adminStaff.${id}`),
    );
  }

  private async agencyOptions(request: WebRequest, selected: string | null) {
    const lang = languageOf(request);
    return (await this.agencies.list({ page: 1, pageSize: 500 })).items.map((agency) => ({
      code: agency.code,
      name: lang === 'vi' ? agency.nameVi : agency.nameEn,
      selected: agency.code === selected,
    }));
  }

  private async renderList(
    request: WebRequest,
    response: Response,
    filters: Record<string, string>,
    values: Record<string, string>,
    errors: FormErrors | null,
    status = 200,
  ) {
    const role = (ROLES as readonly string[]).includes(filters.role ?? '')
      ? (filters.role as Role)
      : undefined;
    const q = (filters.q ?? '').trim().slice(0, 100) || undefined;
    const page = await this.staff.list({ page: 1, pageSize: PAGE_SIZE, role, q });
    await this.pages.render(
      request,
      response,
      'admin/staff',
      {
        titleKey: 'adminStaff.title',
        accounts: page.items,
        total: page.total,
        filters: { q: q ?? '', role: role ?? '' },
        roleFilters: ROLES.map((value) => ({ value, selected: value === role })),
        roles: STAFF_ROLES.map((value) => ({ value, selected: value === values.role })),
        agencies: await this.agencyOptions(request, values.agencyCode ?? null),
        values,
        errors,
      },
      status,
    );
  }

  private async renderEdit(
    request: WebRequest,
    response: Response,
    account: UserDto,
    errors: FormErrors | null,
    status = 200,
  ) {
    await this.pages.render(
      request,
      response,
      'admin/staff-account',
      {
        titleText: account.fullName,
        account,
        isStaff: account.role !== 'citizen',
        roles: STAFF_ROLES.map((value) => ({ value, selected: value === account.role })),
        agencies: await this.agencyOptions(request, account.agencyCode),
        errors,
        breadcrumbs: [{ key: 'nav.adminStaff', href: '/admin/staff' }, { text: account.fullName }],
      },
      status,
    );
  }
}
