import { ForbiddenException } from '@nestjs/common';

export const PASSWORD_CHANGE_REQUIRED = 'password_change_required';

/** docs/identity.md, "Recovering an account". */
export const passwordChangeRequired = () =>
  new ForbiddenException({
    message: 'Choose your own password first: change it at POST /api/me/password',
    code: PASSWORD_CHANGE_REQUIRED,
  });

export const emailNotVerified = () =>
  new ForbiddenException({
    message:
      'Confirm your e-mail address before submitting: open the link sent to it, or ask for a new one (POST /api/me/verification-mail)',
    code: 'email_not_verified',
  });
