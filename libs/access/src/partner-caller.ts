import type { ExecutionContext } from '@nestjs/common';
import { createParamDecorator } from '@nestjs/common';

import type { PartnerScope } from '@onegate/domain';

/** A partner client calling with its access token, as the access guard found it on this request. */
export interface PartnerCaller {
  clientId: string;
  scopes: readonly PartnerScope[];
  /** The agencies it was given, without the agencies below them. */
  agencyIds: readonly string[];
}

export const CurrentPartner = createParamDecorator(
  (_: unknown, context: ExecutionContext): PartnerCaller =>
    context.switchToHttp().getRequest<{ partner: PartnerCaller }>().partner,
);
