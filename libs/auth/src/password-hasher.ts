import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

const OPTIONS = { algorithm: Algorithm.Argon2id };

@Injectable()
export class PasswordHasher {
  /** Compared against when no account matches, so a sign-in takes as long whether or not it exists. */
  private readonly decoy = hash('no account has this password', OPTIONS);

  public hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  public async verify(storedHash: string | null, password: string): Promise<boolean> {
    const target = storedHash ?? (await this.decoy);
    const matches = await verify(target, password).catch(() => false);
    return storedHash !== null && matches;
  }
}
