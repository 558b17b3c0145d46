import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

import { FeeReceipt } from '../entities';
import { isUniqueViolation } from '../unique-violation';
import { TransactionRunner } from '../transaction-runner';

/** A receipt before its number: the payment it is for. */
export type UnnumberedReceipt = Omit<FeeReceipt, 'number'>;

/**
 * Electronic fee receipts and their yearly numbers. A number is taken in the same transaction that
 * writes its receipt, so a receipt that is not written gives its number back: no gaps, no duplicates.
 */
@Injectable()
export class FeeReceiptRepository {
  public constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  public findByEvent(eventId: string): Promise<FeeReceipt | null> {
    return this.dataSource.getRepository(FeeReceipt).findOneBy({ eventId });
  }

  public listOf(applicationId: string): Promise<FeeReceipt[]> {
    return this.dataSource
      .getRepository(FeeReceipt)
      .find({ where: { applicationId }, order: { issuedAt: 'ASC' } });
  }

  /** The receipt of the payment event, numbered now unless it already was (a job run twice). */
  public async numberOnce(receipt: UnnumberedReceipt): Promise<FeeReceipt> {
    const existing = await this.findByEvent(receipt.eventId);
    if (existing) return existing;
    try {
      return await this.transactions.run(async (manager) => {
        const numbered = { ...receipt, number: await this.nextNumber(manager, receipt.year) };
        await manager.getRepository(FeeReceipt).insert(numbered);
        return numbered;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      return (await this.findByEvent(receipt.eventId))!;
    }
  }

  /** The next number of the year; the counter's row stays locked until the transaction ends. */
  private async nextNumber(manager: EntityManager, year: number): Promise<number> {
    const postgres = manager.connection.options.type === 'postgres';
    const [row] = (await manager.query(
      `INSERT INTO fee_receipt_sequences (year, last_number) VALUES (${postgres ? '$1' : '?'}, 1)
       ON CONFLICT (year) DO UPDATE SET last_number = fee_receipt_sequences.last_number + 1
       RETURNING last_number`,
      [year],
    )) as [{ last_number: number }];
    return Number(row.last_number);
  }
}
