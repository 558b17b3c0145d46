import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, IsNull, LessThanOrEqual, MoreThan, Not, Repository } from 'typeorm';

import { PhoneVerificationCode, TextMessage } from '../entities';
import type { TextMessageStatus } from '../entities';

/** Text messages of notifications (docs/text-messages.md): stored once per notification and channel. */
@Injectable()
export class TextMessageRepository {
  private readonly messages: Repository<TextMessage>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.messages = dataSource.getRepository(TextMessage);
  }

  /** Stores the message unless its notification already has one on that channel. */
  public async insertOnce(message: TextMessage): Promise<void> {
    await this.messages.createQueryBuilder().insert().values(message).orIgnore().execute();
  }

  public ofNotification(notificationId: string): Promise<TextMessage[]> {
    return this.messages.find({ where: { notificationId }, order: { channel: 'ASC' } });
  }

  /** Messages whose wait is over, oldest first; and those whose sender stopped before finishing. */
  public due(now: Date, abandonedBefore: Date, limit: number): Promise<TextMessage[]> {
    return this.messages
      .createQueryBuilder('message')
      .where(
        new Brackets((due) =>
          due
            .where("message.status = 'pending' AND message.not_before <= :now", { now: now.getTime() })
            .orWhere("(message.status = 'sending' AND message.claimed_at < :abandoned)", {
              abandoned: abandonedBefore.getTime(),
            }),
        ),
      )
      .orderBy('message.not_before', 'ASC')
      .addOrderBy('message.id', 'ASC')
      .limit(limit)
      .getMany();
  }

  /**
   * Takes a message for sending, pending and due, or abandoned by its sender (claimed before
   * `abandonedBefore`): exactly one caller gets it.
   */
  public async claim(id: string, at: Date, abandonedBefore: Date): Promise<boolean> {
    const result = await this.messages
      .createQueryBuilder()
      .update()
      .set({ status: 'sending', claimedAt: at })
      .where('id = :id', { id })
      .andWhere(
        new Brackets((claimable) =>
          claimable
            .where("status = 'pending' AND not_before <= :at", { at: at.getTime() })
            .orWhere("(status = 'sending' AND claimed_at < :abandoned)", {
              abandoned: abandonedBefore.getTime(),
            }),
        ),
      )
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Messages to one number taken or sent since a time: what the hourly limit counts. */
  public countTakenSince(phoneHash: string, since: Date): Promise<number> {
    return this.messages.countBy({
      phoneHash,
      status: In(['sending', 'sent']),
      claimedAt: MoreThan(since),
    });
  }

  /** The earliest time one of those was taken: the hour has room again an hour after it. */
  public async firstTakenSince(phoneHash: string, since: Date, exceptId: string): Promise<Date | null> {
    const first = await this.messages.findOne({
      where: { id: Not(exceptId), phoneHash, status: In(['sending', 'sent']), claimedAt: MoreThan(since) },
      order: { claimedAt: 'ASC' },
    });
    return first?.claimedAt ?? null;
  }

  /** Gives a taken message back to wait until `notBefore`, counting a failed try when `failed`. */
  public async release(message: TextMessage, notBefore: Date, error: string | null, failed: boolean) {
    await this.messages.update(
      { id: message.id, status: 'sending' },
      {
        status: 'pending',
        claimedAt: null,
        notBefore,
        error: error?.slice(0, 500) ?? null,
        attempts: message.attempts + (failed ? 1 : 0),
      },
    );
  }

  public async record(
    id: string,
    status: Extract<TextMessageStatus, 'sent' | 'failed'>,
    at: Date,
    error: string | null = null,
  ): Promise<void> {
    await this.messages.update(
      { id, status: 'sending' },
      { status, sentAt: at, error: error?.slice(0, 500) ?? null },
    );
  }
}

/** One-time codes that verify a phone number (docs/text-messages.md). */
@Injectable()
export class PhoneCodeRepository {
  private readonly codes: Repository<PhoneVerificationCode>;

  public constructor(@InjectDataSource() dataSource: DataSource) {
    this.codes = dataSource.getRepository(PhoneVerificationCode);
  }

  public insert(code: PhoneVerificationCode): Promise<unknown> {
    return this.codes.insert(code);
  }

  public remove(id: string): Promise<unknown> {
    return this.codes.delete({ id });
  }

  /** Codes sent to a number, or asked by an account, since a time: what the request limits count. */
  public countSince(where: { phoneHash: string } | { userId: string }, since: Date): Promise<number> {
    return this.codes.countBy({ ...where, createdAt: MoreThan(since) });
  }

  /** The account's newest code not yet used. */
  public latestOpen(userId: string): Promise<PhoneVerificationCode | null> {
    return this.codes.findOne({
      where: { userId, confirmedAt: IsNull() },
      order: { createdAt: 'DESC', id: 'DESC' },
    });
  }

  /** Counts one wrong try, only while fewer than `maxAttempts` were made; false when none was left. */
  public async countWrongTry(id: string, maxAttempts: number): Promise<boolean> {
    const result = await this.codes
      .createQueryBuilder()
      .update()
      .set({ attempts: () => 'attempts + 1' })
      .where('id = :id AND attempts < :max AND confirmed_at IS NULL', { id, max: maxAttempts })
      .execute();
    return (result.affected ?? 0) === 1;
  }

  /** Uses the code once: true for the one caller that does. */
  public async confirm(id: string, at: Date, maxAttempts: number): Promise<boolean> {
    const result = await this.codes.update(
      { id, confirmedAt: IsNull(), attempts: LessThanOrEqual(maxAttempts - 1) },
      { confirmedAt: at },
    );
    return (result.affected ?? 0) === 1;
  }
}
