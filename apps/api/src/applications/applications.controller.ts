import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Patch,
  Post,
  Query,
  Req,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';

import { Authenticated, BodyAfter, CurrentUser } from '@onegate/access';
import type { AuthenticatedUser } from '@onegate/access';
import {
  ActionRequest,
  ApplicationActionsService,
  ApplicationDto,
  ApplicationIntakeService,
  ApplicationOfCaller,
  ApplicationReachedByCaller,
  ApplicationReadingService,
  BulkActionRequest,
  BulkActionsService,
  ConsultedFileDto,
  CounterRegistrationService,
  CreateDraftRequest,
  RegisterCounterRequest,
  TRANSFER_DOCUMENT_LIMITS,
  UpdateFormRequest,
} from '@onegate/applications';
import { invalidFields } from '@onegate/platform';

import { Idempotent } from '../idempotency/idempotent.decorator';
import { QueueQueryDto } from './applications.query';
import { IdParam } from '../id-param';
import { receivedFiles } from '../uploads/received-files';
import { StreamedUploads } from '../uploads/streamed-uploads';
import { ApiErrors } from '../openapi/api-errors.decorator';
import { ApiObjectResponse } from '../openapi/api-responses.decorator';

@ApiTags('applications')
@Controller('api/applications')
export class ApplicationsController {
  public constructor(
    private readonly intake: ApplicationIntakeService,
    private readonly actions: ApplicationActionsService,
    private readonly reading: ApplicationReadingService,
    private readonly counter: CounterRegistrationService,
    private readonly bulk: BulkActionsService,
  ) {}

  /** A citizen starts a draft. */
  @ApiOperation({ summary: 'Start a draft application' })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiErrors(409, 422)
  @Post()
  @Authenticated({ roles: ['citizen'] })
  @Idempotent()
  public async create(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: CreateDraftRequest,
  ): Promise<ApplicationDto> {
    return ApplicationDto.from(await this.intake.createDraft(user, body), user.role);
  }

  /** A clerk registers a paper file taken at the desk (register_counter). */
  @ApiOperation({ summary: 'Register a file received at the counter' })
  @ApiCreatedResponse({ type: ApplicationDto })
  @ApiErrors(409, 422)
  @Post('counter')
  @Authenticated({ roles: ['clerk'] })
  @Idempotent()
  public async registerCounter(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: RegisterCounterRequest,
  ): Promise<ApplicationDto> {
    return ApplicationDto.from(await this.counter.registerCounter(user, body), user.role);
  }

  /**
   * One action (receive, assign) on up to 100 files of the queue, each through the same path as a single
   * action; the answer gives each file's outcome, in the order asked.
   */
  @ApiOperation({ summary: 'Act on several files of the queue at once' })
  @ApiObjectResponse('Each file’s outcome (docs/applications.md)')
  @Post('bulk-actions')
  @Authenticated({ roles: ['clerk', 'supervisor', 'admin'] })
  @HttpCode(HttpStatus.OK)
  public bulkActions(@CurrentUser() user: AuthenticatedUser, @Body() body: BulkActionRequest) {
    return this.bulk.perform(user, body);
  }

  /** Citizens: their own applications. Staff: their agency's queue, soonest due first. */
  @ApiOperation({ summary: 'List my applications, or my agency’s queue' })
  @ApiObjectResponse('A page of files or the queue (docs/applications.md)')
  @Get()
  @Authenticated()
  public list(@CurrentUser() user: AuthenticatedUser, @Query() query: QueueQueryDto) {
    if (user.role === 'citizen') return this.reading.mine(user, query.page, query.limit);
    if (query.consultation === 'open') return this.reading.consultedQueue(user, query.limit);
    return this.reading.queue(user, query);
  }

  /** The file; staff of a consulted agency get its restricted view (docs/applications.md, "Consultations"). */
  @ApiOperation({ summary: 'Read a file' })
  @ApiExtraModels(ApplicationDto, ConsultedFileDto)
  @ApiOkResponse({
    description: 'The file, or a consulted agency’s restricted view',
    schema: { anyOf: [{ $ref: getSchemaPath(ApplicationDto) }, { $ref: getSchemaPath(ConsultedFileDto) }] },
  })
  @Get(':id')
  @Authenticated()
  public get(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
  ): Promise<ApplicationDto | ConsultedFileDto> {
    return this.reading.read(user, id);
  }

  @ApiOperation({ summary: 'Change a draft’s form answers' })
  @ApiOkResponse({ type: ApplicationDto })
  @ApiErrors(409, 422)
  @Patch(':id')
  @BodyAfter(ApplicationOfCaller)
  @Authenticated({ roles: ['citizen'] })
  public async updateForm(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: UpdateFormRequest,
  ): Promise<ApplicationDto> {
    return ApplicationDto.from(await this.intake.updateForm(user, id, body), user.role);
  }

  /**
   * Every action of the state table goes through here; the answer is the application as it now is. As
   * multipart, the same fields with up to three `documents` files: what the agency holding a transferred
   * step returns with its `forward` (docs/applications.md, "Transfers").
   */
  @ApiOperation({ summary: 'Take an action on a file (submit, receive, decide, ...)' })
  @ApiExtraModels(ApplicationDto, ConsultedFileDto)
  @ApiOkResponse({
    description: 'The file after the action',
    schema: { anyOf: [{ $ref: getSchemaPath(ApplicationDto) }, { $ref: getSchemaPath(ConsultedFileDto) }] },
  })
  @ApiErrors(409, 413, 415, 422)
  @Post(':id/actions')
  @BodyAfter(ApplicationReachedByCaller)
  @Authenticated()
  @Idempotent()
  // Read before the Idempotency-Key's check, which compares the fields. One file more than a forward
  // takes is read, so that the service refuses it naming `documents`.
  @UseInterceptors(
    StreamedUploads({
      files: TRANSFER_DOCUMENT_LIMITS.files + 1,
      fileBytes: TRANSFER_DOCUMENT_LIMITS.fileBytes + 1,
      fields: 20,
      fieldBytes: 8 * 1024,
    }),
  )
  @HttpCode(HttpStatus.OK)
  @ApiExtraModels(ActionRequest)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiBody({
    schema: {
      allOf: [
        { $ref: getSchemaPath(ActionRequest) },
        {
          type: 'object',
          properties: { documents: { type: 'array', items: { type: 'string', format: 'binary' } } },
        },
      ],
    },
  })
  public async act(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: ActionRequest,
    @Req() request: { files?: Express.Multer.File[] },
  ): Promise<ApplicationDto | ConsultedFileDto> {
    const stray = (request.files ?? []).find((file) => file.fieldname !== 'documents');
    if (stray)
      throw invalidFields([
        { field: stray.fieldname, problems: ['is not a part this route takes: send files as "documents"'] },
      ]);
    const documents = receivedFiles(request.files);
    return this.reading.afterAction(
      user,
      await this.actions.perform({ kind: 'user', user }, id, body, documents),
    );
  }
}
