import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

import type { PartnerCaller } from '@onegate/access';
import { ApplicationActionsService } from '@onegate/applications';
import type { Role } from '@onegate/domain';
import { AgencyRepository, ApplicationRepository } from '@onegate/persistence';
import type { Application, ApplicationEvent } from '@onegate/persistence';

import { actingAs } from './partner-actor';
import type { PartnerForwardRequest } from './partner-client.requests';

/**
 * A file as a partner client reads it: where it stands and when, never who filed it (no name, national
 * ID number, contact, address, form answers, documents or messages; docs/partner-clients.md).
 */
export class PartnerFileDto {
  @ApiProperty() public id!: string;
  @ApiProperty({ nullable: true, type: String }) public code!: string | null;
  @ApiProperty({ nullable: true, type: String }) public procedureCode!: string | null;
  @ApiProperty() public state!: string;
  @ApiProperty() public submissionChannel!: string;
  @ApiProperty({ nullable: true, type: String }) public competentAgency!: string | null;
  @ApiProperty({ nullable: true, type: String }) public receivingAgency!: string | null;
  @ApiProperty({ nullable: true, type: String }) public receivedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) public dueAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) public decidedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) public closedAt!: string | null;
  /** The current step: its position, holding agency and due time; null without steps. */
  @ApiProperty({
    nullable: true,
    type: 'object',
    required: ['position', 'agency', 'dueAt'],
    properties: {
      position: { type: 'integer' },
      agency: { type: 'string', nullable: true },
      dueAt: { type: 'string', nullable: true },
    },
  })
  public step!: { position: number; agency: string | null; dueAt: string | null } | null;
  @ApiProperty() public version!: number;
}

export class PartnerFileDetailDto extends PartnerFileDto {
  /** The file's events: what happened and when, without notes, reasons or the people who acted. */
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      required: ['sequence', 'type', 'at', 'channel', 'step'],
      properties: {
        sequence: { type: 'integer' },
        type: { type: 'string' },
        at: { type: 'string' },
        channel: { type: 'string' },
        step: { type: 'integer', nullable: true },
      },
    },
  })
  public events!: { sequence: number; type: string; at: string; channel: string; step: number | null }[];
}

export class PartnerFilePage {
  @ApiProperty({ type: [PartnerFileDto] }) public items!: PartnerFileDto[];
  @ApiProperty() public total!: number;
  @ApiProperty() public page!: number;
  @ApiProperty() public pageSize!: number;
}

const iso = (at: Date | null): string | null => (at ? at.toISOString() : null);
const noSuchFile = () => new NotFoundException('No such application');

/** What a partner client reads and does on files, within its agencies (docs/partner-clients.md). */
@Injectable()
export class PartnerFilesService {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly agencies: AgencyRepository,
    private readonly actions: ApplicationActionsService,
  ) {}

  /** The agencies the client sees: each it was given, with every agency below it. */
  public async scopeOf(caller: PartnerCaller): Promise<Set<string>> {
    const scope = new Set<string>();
    for (const agencyId of caller.agencyIds) {
      for (const id of await this.agencies.subtreeIds(agencyId)) scope.add(id);
    }
    return scope;
  }

  public async page(caller: PartnerCaller, page: number, pageSize: number): Promise<PartnerFilePage> {
    const [files, total] = await this.applications.pageOfAgencies([...(await this.scopeOf(caller))], {
      page,
      pageSize,
    });
    const codes = await this.agencies.codesById();
    return { items: files.map((file) => fileDto(file, codes)), total, page, pageSize };
  }

  /** A sent file of its agencies (competent or receiving); any other answers 404, as an unknown id. */
  public async detail(caller: PartnerCaller, id: string): Promise<PartnerFileDetailDto> {
    const file = await this.applications.findById(id);
    const scope = await this.scopeOf(caller);
    const inScope = (agencyId: string | null) => agencyId !== null && scope.has(agencyId);
    if (
      !file ||
      file.state === 'draft' ||
      !(inScope(file.competentAgencyId) || inScope(file.receivingAgencyId))
    )
      throw noSuchFile();
    return detailDto(file, await this.applications.eventsOf(file.id), await this.agencies.codesById());
  }

  /**
   * Checked before the body is read: the file's current step is a transfer (held by an agency other than
   * the competent one) to one of the client's agencies; otherwise 404, as an unknown id.
   */
  public async transferredStep(caller: PartnerCaller, id: string): Promise<Application> {
    const file = await this.applications.findById(id);
    const scope = await this.scopeOf(caller);
    if (!file?.stepAgencyId || file.stepAgencyId === file.competentAgencyId || !scope.has(file.stepAgencyId))
      throw noSuchFile();
    return file;
  }

  /**
   * Forwards the file from the transferred step, as the staff of the holding agency would: the action
   * table decides the rest (state, version, the step being the last: docs/lifecycle.md, "Processing steps").
   */
  public async forward(
    caller: PartnerCaller,
    id: string,
    request: PartnerForwardRequest,
  ): Promise<PartnerFileDetailDto> {
    const file = await this.transferredStep(caller, id);
    const role = file.stepRole as Role | null;
    if (role !== 'clerk' && role !== 'supervisor')
      throw new ForbiddenException('This step is not held by staff');
    // The holding unit acting through its system: the client's id is recorded as the event's actor.
    const actor = actingAs(caller, role, file.stepAgencyId!);
    const outcome = await this.actions.perform({ kind: 'user', user: actor }, id, {
      action: 'forward',
      ...request,
    });
    return detailDto(outcome.application, outcome.events, await this.agencies.codesById());
  }
}

function fileDto(file: Application, codes: Map<string, string>): PartnerFileDto {
  const code = (agencyId: string | null) => (agencyId ? (codes.get(agencyId) ?? null) : null);
  return {
    id: file.id,
    code: file.code,
    procedureCode: file.procedure?.code ?? null,
    state: file.state,
    submissionChannel: file.submissionChannel,
    competentAgency: code(file.competentAgencyId),
    receivingAgency: code(file.receivingAgencyId),
    receivedAt: iso(file.receivedAt),
    dueAt: iso(file.dueAt),
    decidedAt: iso(file.decidedAt),
    closedAt: iso(file.closedAt),
    step:
      file.stepPosition === null || file.stepPosition === undefined
        ? null
        : { position: file.stepPosition, agency: code(file.stepAgencyId), dueAt: iso(file.stepDueAt) },
    version: file.version,
  };
}

function detailDto(
  file: Application,
  events: ApplicationEvent[],
  codes: Map<string, string>,
): PartnerFileDetailDto {
  return {
    ...fileDto(file, codes),
    events: events.map((event) => ({
      sequence: event.sequence,
      type: event.type,
      at: event.at.toISOString(),
      channel: event.channel,
      step: typeof event.data?.step === 'number' ? event.data.step : null,
    })),
  };
}
