import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { Authenticated } from '@onegate/access';
import { NationalSyncStatus, PendingSyncDto } from '@onegate/national-sync';

/** The files whose latest status the national portal has not accepted yet (docs/integrations.md). */
@ApiTags('national-sync')
@Controller('api/admin/national-sync')
@Authenticated({ roles: ['admin'] })
export class AdminNationalSyncController {
  public constructor(private readonly status: NationalSyncStatus) {}

  /** Each such file with its first waiting change, oldest first. */
  @ApiOperation({ summary: 'List files waiting to reach the national portal' })
  @ApiOkResponse({ description: 'Each waiting file', type: [PendingSyncDto] })
  @Get('pending')
  public pending(): Promise<PendingSyncDto[]> {
    return this.status.pending();
  }
}
