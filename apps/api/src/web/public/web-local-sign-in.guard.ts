import { Injectable, UnauthorizedException } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

/**
 * Passport's local strategy for the sign-in form: a refused sign-in is not an error here but a page
 * that says so, so the guard lets the request through without a user.
 */
@Injectable()
export class WebLocalSignInGuard extends AuthGuard('local') {
  public override handleRequest<User>(error: unknown, user: User | false): User {
    if (error && !(error instanceof UnauthorizedException)) throw error;
    return (user || null) as User;
  }
}
