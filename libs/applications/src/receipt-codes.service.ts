import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import { formatReceiptCode } from '@onegate/domain';
import { ApplicationRepository } from '@onegate/persistence';
import type { Agency } from '@onegate/persistence';

import { WorkingCalendarService } from './working-calendar.service';

/** Receipt codes (docs/applications.md, "Receipt codes"): the receiving desk's, numbered per local day. */
@Injectable()
export class ReceiptCodes {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly calendars: WorkingCalendarService,
  ) {}

  /** Gives the next receipt code of the receiving agency, on its local date, in the caller's transaction. */
  public async next(manager: EntityManager, agency: Agency, now: Date): Promise<string> {
    const localDate = (await this.calendars.calendarFor(agency)).localDateOf(now);
    const sequence = await this.applications.nextReceiptNumber(manager, agency.id, localDate);
    return formatReceiptCode(agency.code, localDate, sequence);
  }
}
