import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

import { createValidationPipe } from '@onegate/platform';

import { LoginRequest } from './auth.dto';

const validation = createValidationPipe();

/** Passport's local strategy, after the body has been validated like any other (400 naming the field). */
@Injectable()
export class LocalSignInGuard extends AuthGuard('local') {
  public override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ body: unknown }>();
    request.body = await validation.transform(request.body ?? {}, { type: 'body', metatype: LoginRequest });
    return (await super.canActivate(context)) as boolean;
  }
}
