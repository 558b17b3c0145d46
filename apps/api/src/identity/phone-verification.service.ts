import { randomInt, randomUUID, timingSafeEqual } from 'node:crypto';

import { HttpException, Inject, Injectable, Logger } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { hashNationalId } from '@onegate/config';
import { PHONE_CODE_TEMPLATE, TEXT_MESSAGE_PROVIDER, TextTemplates } from '@onegate/notifications';
import type { TextMessageProvider } from '@onegate/notifications';
import { PhoneCodeRepository, UserRepository } from '@onegate/persistence';
import { Clock } from '@onegate/platform';

/** A code is good for ten minutes. */
export const PHONE_CODE_MINUTES = 10;
/** Wrong codes typed before a code is spent. */
export const PHONE_CODE_TRIES = 5;
/** Codes sent to one number, and asked by one account, in an hour. */
export const PHONE_CODES_PER_NUMBER_HOUR = 3;
export const PHONE_CODES_PER_ACCOUNT_HOUR = 5;
const HOUR_MS = 3_600_000;

/** Why a code was not sent or not taken; the pages say it in the reader's language by `reason`. */
export type PhoneRefusalReason =
  | 'noPhone'
  | 'unavailable'
  | 'alreadyVerified'
  | 'tooManyCodes'
  | 'notSent'
  | 'noCode'
  | 'expired'
  | 'tooManyTries'
  | 'wrongCode';

const REFUSALS: Record<PhoneRefusalReason, { status: number; field: 'phone' | 'code'; words: string }> = {
  noPhone: { status: 400, field: 'phone', words: 'add a phone number to the account first' },
  unavailable: { status: 409, field: 'phone', words: 'text messages are not available on this portal' },
  alreadyVerified: { status: 409, field: 'phone', words: 'this phone number is verified already' },
  tooManyCodes: {
    status: 429,
    field: 'phone',
    words: 'too many codes were asked for this number: try again in an hour',
  },
  notSent: {
    status: 503,
    field: 'phone',
    words: 'the text message could not be sent now: try again in a few minutes',
  },
  noCode: { status: 400, field: 'code', words: 'ask for a code first' },
  expired: { status: 400, field: 'code', words: 'the code has expired: ask for a new one' },
  tooManyTries: { status: 400, field: 'code', words: 'too many wrong codes: ask for a new one' },
  wrongCode: { status: 400, field: 'code', words: 'the code is wrong' },
};

/** A refusal of the phone verification: a 4xx (or 503) naming the field, in plain words. */
export class PhoneRefusal extends HttpException {
  public constructor(
    public readonly reason: PhoneRefusalReason,
    public readonly triesLeft: number | null = null,
  ) {
    const { status, field, words } = REFUSALS[reason];
    const problem = triesLeft === null ? words : `${words} (${triesLeft} tries left)`;
    super({ message: problem, reason, details: [{ field, problems: [problem] }] }, status);
  }

  public get field(): 'phone' | 'code' {
    return REFUSALS[this.reason].field;
  }
}

/**
 * Shows a phone number is the account's own with a one-time code sent to it by SMS
 * (docs/text-messages.md, "Verifying a phone number"): six digits, kept only as a keyed hash, good for
 * ten minutes and five wrong tries; three codes a number and five an account in an hour.
 */
@Injectable()
export class PhoneVerificationService {
  private readonly logger = new Logger(PhoneVerificationService.name);

  public constructor(
    private readonly users: UserRepository,
    private readonly codes: PhoneCodeRepository,
    private readonly templates: TextTemplates,
    private readonly clock: Clock,
    @Inject(TEXT_MESSAGE_PROVIDER) private readonly provider: TextMessageProvider,
  ) {}

  /** Sends a new code to the account's phone number; answers when it expires. */
  public async requestCode(caller: AuthenticatedUser): Promise<{ expiresAt: Date }> {
    const user = await this.users.findById(caller.id);
    if (!user?.phone) throw new PhoneRefusal('noPhone');
    if (user.phoneVerifiedAt) throw new PhoneRefusal('alreadyVerified');
    if (!this.provider.enabled) throw new PhoneRefusal('unavailable');
    const now = this.clock.now();
    const since = new Date(now.getTime() - HOUR_MS);
    const phoneHash = hashNationalId(user.phone);
    if (
      (await this.codes.countSince({ phoneHash }, since)) >= PHONE_CODES_PER_NUMBER_HOUR ||
      (await this.codes.countSince({ userId: user.id }, since)) >= PHONE_CODES_PER_ACCOUNT_HOUR
    )
      throw new PhoneRefusal('tooManyCodes');
    const id = randomUUID();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + PHONE_CODE_MINUTES * 60_000);
    await this.codes.insert({
      id,
      userId: user.id,
      phoneHash,
      codeHash: codeHashOf(id, code),
      attempts: 0,
      expiresAt,
      confirmedAt: null,
      createdAt: now,
    });
    const text = await this.templates.render(PHONE_CODE_TEMPLATE, user.language, {
      code,
      minutes: PHONE_CODE_MINUTES,
    });
    const sent = await this.provider.send({ channel: 'sms', to: user.phone, text, idempotencyKey: id });
    if (sent.outcome !== 'accepted') {
      // Not the caller's doing: the code is forgotten and does not count against the limits.
      await this.codes.remove(id);
      this.logger.warn({ reason: sent.reason }, 'phone verification code not sent');
      throw new PhoneRefusal('notSent');
    }
    return { expiresAt };
  }

  /** Takes the newest code sent: the right one marks the account's phone number verified. */
  public async confirm(caller: AuthenticatedUser, typed: string): Promise<void> {
    const user = await this.users.findById(caller.id);
    if (!user?.phone) throw new PhoneRefusal('noPhone');
    if (user.phoneVerifiedAt) throw new PhoneRefusal('alreadyVerified');
    const code = await this.codes.latestOpen(user.id);
    // A code sent to a number the account no longer has is no code.
    if (!code || code.phoneHash !== hashNationalId(user.phone)) throw new PhoneRefusal('noCode');
    if (code.attempts >= PHONE_CODE_TRIES) throw new PhoneRefusal('tooManyTries');
    const now = this.clock.now();
    if (code.expiresAt.getTime() <= now.getTime()) throw new PhoneRefusal('expired');
    if (!sameHash(code.codeHash, codeHashOf(code.id, typed))) {
      if (!(await this.codes.countWrongTry(code.id, PHONE_CODE_TRIES)))
        throw new PhoneRefusal('tooManyTries');
      const left = PHONE_CODE_TRIES - code.attempts - 1;
      throw left > 0 ? new PhoneRefusal('wrongCode', left) : new PhoneRefusal('tooManyTries');
    }
    if (!(await this.codes.confirm(code.id, now, PHONE_CODE_TRIES))) throw new PhoneRefusal('noCode');
    await this.users.update(user.id, { phoneVerifiedAt: now });
  }
}

/** The code's keyed hash (NATIONAL_ID_HASH_KEY), bound to its row: six digits cannot be tried offline. */
function codeHashOf(id: string, code: string): string {
  return hashNationalId(`${id}:${code}`);
}

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
