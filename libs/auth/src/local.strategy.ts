import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Request } from 'express';
import { Strategy } from 'passport-local';

import { User } from '@onegate/persistence';

import { SignInService } from './sign-in.service';

/** Username (e-mail or national ID) and password, from a JSON body or a form post. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  public constructor(private readonly signIn: SignInService) {
    super({ usernameField: 'username', passwordField: 'password', passReqToCallback: true });
  }

  public validate(request: Request, username: string, password: string): Promise<User> {
    return this.signIn.verify(username, password, request.ip ?? null);
  }
}
