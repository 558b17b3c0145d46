import { BadRequestException } from '@nestjs/common';

import { checkPassword } from '@onegate/domain';

/** Refuses a weak password with the standard field error, naming every broken rule. */
export function assertAcceptablePassword(
  password: string,
  owner: { email?: string; nationalId?: string | null; fullName?: string },
  field = 'password',
): void {
  const problems = checkPassword(password, {
    email: owner.email,
    nationalId: owner.nationalId ?? undefined,
    fullName: owner.fullName,
  });
  if (problems.length > 0) {
    throw new BadRequestException({ message: `Invalid ${field}`, details: [{ field, problems }] });
  }
}
