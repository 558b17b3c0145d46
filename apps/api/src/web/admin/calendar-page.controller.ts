import {
  Body,
  Controller,
  Get,
  HttpStatus,
  Param,
  Post,
  Query,
  Req,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';

import { Authenticated, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { isLocalDate, LOCAL_DATE_YEARS } from '@onegate/domain';
import { IntegerBetweenPipe } from '@onegate/platform';

import { CreateOverrideRequest } from '../../calendar/calendar.dto';
import { CalendarOverridesService } from '../../calendar/calendar-overrides.service';
import { CalendarSchedulesService, MAX_SCHEDULE_FILE_BYTES } from '../../calendar/calendar-schedules.service';
import { StreamedUploads } from '../../uploads/streamed-uploads';
import type { UploadProblem } from '../../uploads/streamed-uploads';
import { localToday } from '../core/formatters';
import { fieldProblemsOf, formErrors, generalError, isFormError, messageOf } from '../core/form-problems';
import type { FieldProblem, FormErrors } from '../core/form-problems';
import { translate } from '../core/messages';
import { PageRenderer } from '../core/page-renderer';
import { validateFields } from '../core/validate-fields';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';

const YEAR = new IntegerBetweenPipe(LOCAL_DATE_YEARS.min, LOCAL_DATE_YEARS.max);

/** The working calendar's overrides: official days off and make-up working days, by year. */
@ApiExcludeController()
@Controller('admin/calendar')
@Authenticated({ roles: ['admin'] })
export class CalendarPageController {
  public constructor(
    private readonly overrides: CalendarOverridesService,
    private readonly schedules: CalendarSchedulesService,
    private readonly pages: PageRenderer,
  ) {}

  @Get()
  public async list(
    @Query('year', YEAR) year: number | undefined,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    await this.render(request, response, year ?? thisYear(), {}, null);
  }

  @Post()
  public async add(
    @CurrentUser() admin: AuthenticatedUser,
    @Body() body: unknown,
    @Req() request: WebRequest,
    @Res() response: Response,
  ) {
    const posted = textFields(body);
    const values = { date: posted.date ?? '', kind: posted.kind ?? '', reason: posted.reason ?? '' };
    const checked = await validateFields(CreateOverrideRequest, values);
    const problems: FieldProblem[] = [...checked.problems];
    if (problems.length === 0) {
      try {
        await this.overrides.create(admin, checked.value);
        const year = values.date.slice(0, 4);
        return response.redirect(HttpStatus.SEE_OTHER, `/admin/calendar?year=${year}&notice=overrideAdded`);
      } catch (error) {
        if (!isFormError(error)) throw error;
        problems.push(...(fieldProblemsOf(error) ?? [{ field: 'form', problems: [messageOf(error)] }]));
      }
    }
    await this.render(
      request,
      response,
      isLocalDate(values.date) ? Number(values.date.slice(0, 4)) : thisYear(),
      values,
      errorsOf(request, problems),
      HttpStatus.BAD_REQUEST,
    );
  }

  /** A year's official schedule from the government's notice, as a file (docs/working-time.md). */
  @Post('schedule')
  @UseInterceptors(
    StreamedUploads({
      field: 'file',
      files: 1,
      fileBytes: MAX_SCHEDULE_FILE_BYTES,
      fields: 2,
      fieldBytes: 1024,
      limitsAsFormProblem: true,
    }),
  )
  public async loadSchedule(
    @CurrentUser() admin: AuthenticatedUser,
    @Req() request: WebRequest & UploadProblem & { file?: Express.Multer.File },
    @Res() response: Response,
  ) {
    const year = yearOf(textFields(request.body).year);
    const problems: FieldProblem[] = request.uploadProblem
      ? [{ field: 'file', problems: [translate(languageOf(request), `problems.${request.uploadProblem}`)] }]
      : [];
    if (problems.length === 0) {
      try {
        await this.schedules.load(admin, year, request.file);
        return response.redirect(HttpStatus.SEE_OTHER, `/admin/calendar?year=${year}&notice=scheduleLoaded`);
      } catch (error) {
        if (!isFormError(error)) throw error;
        problems.push(...(fieldProblemsOf(error) ?? [{ field: 'form', problems: [messageOf(error)] }]));
      }
    }
    await this.render(request, response, year, {}, errorsOf(request, problems), HttpStatus.BAD_REQUEST);
  }

  @Post(':date/delete')
  public async remove(@Param('date') date: string, @Res() response: Response) {
    await this.overrides.remove(date);
    response.redirect(
      HttpStatus.SEE_OTHER,
      `/admin/calendar?year=${date.slice(0, 4)}&notice=overrideRemoved`,
    );
  }

  private async render(
    request: WebRequest,
    response: Response,
    year: number,
    values: Record<string, string>,
    errors: FormErrors | null,
    status = 200,
  ) {
    const [overrides, schedules] = await Promise.all([this.overrides.list({ year }), this.schedules.list()]);
    const currentYear = thisYear();
    await this.pages.render(
      request,
      response,
      'admin/calendar',
      {
        titleKey: 'adminCalendar.title',
        year,
        previousYear: year > LOCAL_DATE_YEARS.min ? year - 1 : null,
        nextYear: year < LOCAL_DATE_YEARS.max ? year + 1 : null,
        overrides,
        schedule: schedules.find((schedule) => schedule.year === year) ?? null,
        yearsWithoutSchedule: (
          await this.schedules.yearsWithoutSchedule([currentYear, currentYear + 1, year])
        ).join(', '),
        kinds: ['day_off', 'working_day'].map((value) => ({ value, selected: value === values.kind })),
        values,
        errors,
      },
      status,
    );
  }
}

function errorsOf(request: WebRequest, problems: FieldProblem[]): FormErrors {
  const lang = languageOf(request);
  return problems.length === 1 && problems[0].field === 'form'
    ? generalError(problems[0].problems[0])
    : formErrors(
        lang,
        problems,
        (field) => field,
        (id) => translate(lang, `adminCalendar.${id}`),
      );
}

function yearOf(text: unknown): number {
  const year = Number.parseInt(String(text ?? ''), 10);
  return year >= 2000 && year <= 2100 ? year : Number(localToday().slice(0, 4));
}

function thisYear(): number {
  return Number(localToday().slice(0, 4));
}
