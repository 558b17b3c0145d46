import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EntityManager } from 'typeorm';
import { DataSource, In, Repository } from 'typeorm';

import { Application, NationalSyncEntry } from '../entities';

/** A file's first entry not yet accepted by the national portal, with the file's code and state. */
export interface PendingSyncFile {
  entry: NationalSyncEntry;
  code: string | null;
  state: string;
  /** The file's entries not yet accepted. */
  pending: number;
}

/** The files' status changes synchronised to the national portal (docs/integrations.md). */
@Injectable()
export class NationalSyncRepository {
  private readonly entries: Repository<NationalSyncEntry>;

  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.entries = dataSource.getRepository(NationalSyncEntry);
  }

  /** Adds entries; one already kept for the same event is left as it is. */
  public async addEntries(manager: EntityManager, entries: NationalSyncEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await manager
      .getRepository(NationalSyncEntry)
      .createQueryBuilder()
      .insert()
      .values(entries)
      .orIgnore()
      .execute();
  }

  /** A file's entries in its story's order. */
  public entriesOf(applicationId: string): Promise<NationalSyncEntry[]> {
    return this.entries.find({ where: { applicationId }, order: { sequence: 'ASC' } });
  }

  /** The file with its procedure and competent agency, as the portal's fields read them. */
  public fileOf(applicationId: string): Promise<Application | null> {
    return this.dataSource
      .getRepository(Application)
      .findOne({ where: { id: applicationId }, relations: { procedure: true, competentAgency: true } });
  }

  /**
   * Takes one try of an entry for the caller alone: counted, and held until `heldUntil`, only if no one
   * else has tried it since the caller read `attemptsRead`.
   */
  public async claimTry(
    manager: EntityManager,
    eventId: string,
    attemptsRead: number,
    heldUntil: Date,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(NationalSyncEntry)
      .update(
        { eventId, attempts: attemptsRead, state: 'pending' },
        { attempts: attemptsRead + 1, nextAttemptAt: heldUntil },
      );
    return (result.affected ?? 0) === 1;
  }

  public async updateEntry(
    manager: EntityManager,
    eventId: string,
    changes: Partial<
      Pick<NationalSyncEntry, 'state' | 'nextAttemptAt' | 'dossierAcceptedAt' | 'lastError' | 'acceptedAt'>
    >,
  ): Promise<void> {
    await manager.getRepository(NationalSyncEntry).update({ eventId }, changes);
  }

  /** How many entries the portal has not accepted yet. */
  public pendingCount(): Promise<number> {
    return this.entries.countBy({ state: 'pending' });
  }

  /** Every file with an entry the portal has not accepted yet: its first such entry, oldest first. */
  public async pendingFiles(): Promise<PendingSyncFile[]> {
    const pending = await this.entries.find({
      where: { state: 'pending' },
      order: { applicationId: 'ASC', sequence: 'ASC' },
    });
    const first = new Map<string, { entry: NationalSyncEntry; pending: number }>();
    for (const entry of pending) {
      const known = first.get(entry.applicationId);
      if (known) known.pending += 1;
      else first.set(entry.applicationId, { entry, pending: 1 });
    }
    const files = new Map<string, Pick<Application, 'id' | 'code' | 'state'>>();
    const ids = [...first.keys()];
    for (let start = 0; start < ids.length; start += 500) {
      const slice = await this.dataSource.getRepository(Application).find({
        select: { id: true, code: true, state: true },
        where: { id: In(ids.slice(start, start + 500)) },
      });
      for (const file of slice) files.set(file.id, file);
    }
    return [...first.values()]
      .map(({ entry, pending: count }) => ({
        entry,
        code: files.get(entry.applicationId)?.code ?? null,
        state: files.get(entry.applicationId)?.state ?? entry.toState,
        pending: count,
      }))
      .sort((a, b) => a.entry.createdAt.getTime() - b.entry.createdAt.getTime());
  }
}
