import { Injectable, NotFoundException } from '@nestjs/common';

import type { PartnerCaller, ResourceCheck } from '@onegate/access';

import { PartnerFilesService } from './partner-files.service';

/** A partner route's file must be at a step transferred to the client's agencies, before its body is read. */
@Injectable()
export class TransferredStepOfPartner implements ResourceCheck {
  public constructor(private readonly files: PartnerFilesService) {}

  public assertMayActOn(): Promise<void> {
    // People never reach a partner route: the access guard refuses them first.
    return Promise.reject(new NotFoundException('No such application'));
  }

  public async assertPartnerMayActOn(
    caller: PartnerCaller,
    params: Readonly<Record<string, string>>,
  ): Promise<void> {
    await this.files.transferredStep(caller, params.id ?? '');
  }
}
