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

import { Authenticated, BodyAfter, CurrentUser, ROLE_IS_ENOUGH } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import { isLocalDate, LOCAL_DATE_YEARS } from '@onegate/domain';
import { IntegerBetweenPipe } from '@onegate/platform';

import { CreateOverrideRequest } from '../../calendar/calendar.dto';
import { CalendarOverridesService } from '../../calendar/calendar-overrides.service';
import { CalendarSchedulesService, MAX_SCHEDULE_FILE_BYTES } from '../../calendar/calendar-schedules.service';
import { StreamedUploads } from '../../uploads/streamed-uploads';
import type { UploadProblem } from '../../uploads/streamed-uploads';
import { answerForm, attempt } from '../core/form-outcome';
import type { FormErrors } from '../core/form-problems';
import { PageRenderer } from '../core/page-renderer';
import { uploadProblems } from '../core/upload-problems';
import { validateFields } from '../core/validate-fields';
import { languageOf } from '../core/web-cookies';
import type { WebRequest } from '../core/web-request';
import { textFields } from '../core/web-request';
import { calendarErrors, calendarView, scheduleYearOf, thisYear } from './calendar-page.view';

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
    const { value, problems } = await validateFields(CreateOverrideRequest, values);
    const outcome = await attempt(
      async () => {
        await this.overrides.create(admin, value);
        return `/admin/calendar?year=${values.date.slice(0, 4)}&notice=overrideAdded`;
      },
      { problems },
    );
    await answerForm(response, outcome, (failure) => {
      const year = isLocalDate(values.date) ? Number(values.date.slice(0, 4)) : thisYear();
      const errors = calendarErrors(languageOf(request), failure.problems);
      return this.render(request, response, year, values, errors, failure.status);
    });
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
    const year = scheduleYearOf(textFields(request.body).year);
    const outcome = await attempt(
      async () => {
        await this.schedules.load(admin, year, request.file);
        return `/admin/calendar?year=${year}&notice=scheduleLoaded`;
      },
      { problems: uploadProblems(request, 'file') },
    );
    await answerForm(response, outcome, (failure) => {
      const errors = calendarErrors(languageOf(request), failure.problems);
      return this.render(request, response, year, {}, errors, failure.status);
    });
  }

  @Post(':date/delete')
  @BodyAfter(ROLE_IS_ENOUGH)
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
    const schedule = schedules.find((candidate) => candidate.year === year) ?? null;
    const current = thisYear();
    const missing = await this.schedules.yearsWithoutSchedule([current, current + 1, year]);
    const view = calendarView(year, overrides, schedule, missing, values, errors);
    await this.pages.render(request, response, 'admin/calendar', view, status);
  }
}
