import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, In, IsNull, Not } from 'typeorm';
import type { SelectQueryBuilder } from 'typeorm';

import { CLOSED_STATES } from '@onegate/domain';

import {
  Application,
  ApplicationEvent,
  ApplicationMessage,
  Feedback,
  ApplicationRating,
  Attachment,
  AuditEvent,
  Consultation,
  DocumentReview,
  DraftedResult,
  hasStoredCopy,
  IssuedResult,
  Notification,
  Procedure,
  ResultDownload,
} from '../entities';
import type { AuditEventType, JsonObject } from '../entities';

export interface RetentionRule {
  procedureId: string;
  procedureCode: string;
  retentionDays: number;
}

/** Keyset cursor of the sweep: the (closedAt, id) of the last file looked at. */
export interface ClosedCursor {
  closedAt: Date;
  id: string;
}

export interface DueApplication extends ClosedCursor {
  state: Application['state'];
}

/** What the anonymisation of one file removed, for its audit row. */
export interface AnonymisedFile {
  documentsRemoved: number;
  notificationsRemoved: number;
}

/** A draft nobody has changed since the sweep's cutoff; (updatedAt, id) is also the sweep's cursor. */
export interface AbandonedDraft {
  id: string;
  updatedAt: Date;
  procedureCode: string;
}

/**
 * A draft of `table` is abandoned when it was last changed at or before :cutoff and has no event: a
 * draft with a recorded payment keeps its event list, which is never deleted.
 */
const abandonedDraft = (table: string) =>
  `${table}.state = 'draft' AND ${table}.updated_at <= :cutoff AND NOT EXISTS ` +
  `(SELECT 1 FROM application_events event WHERE event.application_id = ${table}.id)`;

/** The reads and writes of the retention sweep: closed files due and their anonymisation; abandoned drafts. */
@Injectable()
export class RetentionRepository {
  public constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  public async rules(): Promise<RetentionRule[]> {
    const procedures = await this.dataSource
      .getRepository(Procedure)
      .find({ where: { retentionDays: Not(IsNull()) }, order: { code: 'ASC' } });
    return procedures.map((procedure) => ({
      procedureId: procedure.id,
      procedureCode: procedure.code,
      retentionDays: procedure.retentionDays!,
    }));
  }

  /** Closed files of a procedure, closed at or before `cutoff` and not yet anonymised, oldest first. */
  public async due(
    procedureId: string,
    cutoff: Date,
    limit: number,
    after: ClosedCursor | null,
  ): Promise<DueApplication[]> {
    const query = this.dataSource
      .getRepository(Application)
      .createQueryBuilder('application')
      .select(['application.id', 'application.closedAt', 'application.state'])
      .where('application.procedure_id = :procedureId', { procedureId })
      .andWhere('application.anonymised_at IS NULL')
      .andWhere('application.closed_at <= :cutoff', { cutoff: cutoff.getTime() })
      .andWhere('application.state IN (:...closed)', { closed: CLOSED_STATES })
      .orderBy('application.closed_at', 'ASC')
      .addOrderBy('application.id', 'ASC')
      .take(limit);
    if (after) afterCursor(query, 'closed_at', after.closedAt, after.id);
    const rows = await query.getMany();
    return rows.map((row) => ({ id: row.id, closedAt: row.closedAt!, state: row.state }));
  }

  /**
   * The storage keys of everything stored for a file: its documents, its forms, its signed result, and
   * the agency's own result as the clerk uploaded it.
   */
  public async storedFilesOf(applicationId: string): Promise<string[]> {
    const attachments = await this.dataSource.getRepository(Attachment).find({ where: { applicationId } });
    const result = await this.dataSource.getRepository(IssuedResult).findOneBy({ applicationId });
    const drafted = await this.dataSource.getRepository(DraftedResult).findOneBy({ applicationId });
    return [
      // A document imported without a copy has no stored bytes to remove.
      ...attachments.filter(hasStoredCopy).map((attachment) => attachment.storageKey),
      ...(result && hasStoredCopy(result) ? [result.storageKey] : []),
      ...(drafted ? [drafted.storageKey] : []),
    ];
  }

  /**
   * Takes the personal data out of one closed file in one transaction, or answers null when another
   * run already did (the conditional claim lets exactly one of two concurrent sweeps through). The
   * application row is changed through the entity so that column transformers apply.
   */
  public async anonymise(
    manager: EntityManager,
    applicationId: string,
    at: Date,
    auditDetails: JsonObject,
  ): Promise<AnonymisedFile | null> {
    const claimed = await manager
      .createQueryBuilder()
      .update(Application)
      .set({ anonymisedAt: at })
      .where('id = :applicationId AND anonymised_at IS NULL', { applicationId })
      .andWhere('state IN (:...closed)', { closed: CLOSED_STATES })
      .execute();
    if ((claimed.affected ?? 0) !== 1) return null;
    const application = await manager.getRepository(Application).findOneByOrFail({ id: applicationId });
    Object.assign(application, {
      applicantId: null,
      applicantNationalId: '',
      applicantNationalIdHash: null,
      applicantPhone: null,
      applicantPhoneHash: null,
      applicantName: '',
      applicantSearchName: '',
      applicantEmail: null,
      formData: {},
      anonymisedAt: at,
      updatedAt: at,
    });
    await manager.getRepository(Application).save(application);
    const documents = await manager.getRepository(Attachment).delete({ applicationId });
    const notifications = await manager.getRepository(Notification).delete({ applicationId });
    await manager.getRepository(ResultDownload).delete({ applicationId });
    // The clerks' reviews were about the documents, and their notes may quote them.
    await manager.getRepository(DocumentReview).delete({ applicationId });
    await manager.getRepository(DraftedResult).delete({ applicationId });
    // The thread's messages stay, in their order and with their authors' roles; their words go.
    await manager.getRepository(ApplicationMessage).update({ applicationId }, { body: '' });
    // So do those of feedback about the file (docs/feedback.md): its times, aspect and rating stay.
    await manager
      .getRepository(Feedback)
      .update({ applicationId }, { subject: '', body: '', contact: null, answer: null });
    await manager
      .getRepository(ApplicationRating)
      .update({ applicationId }, { comment: null, ratedBy: null });
    await forgetConsultationTexts(manager, applicationId);
    const removed = {
      documentsRemoved: documents.affected ?? 0,
      notificationsRemoved: notifications.affected ?? 0,
    };
    await audit(manager, 'application_anonymised', at, { ...auditDetails, ...removed });
    return removed;
  }

  /**
   * Empties the texts of feedback about an agency alone (no file) answered before `cutoff`, as a file's
   * retention empties its feedback's (docs/feedback.md, "Retention"): subject, text, contact and answer
   * go; code, kind, aspect, agency, times and rating stay. One audit row per item; answers how many.
   */
  public async clearAgencyFeedback(cutoff: Date, at: Date, retentionDays: number): Promise<number> {
    const due = await this.dataSource
      .getRepository(Feedback)
      .createQueryBuilder('feedback')
      .select(['feedback.id', 'feedback.code', 'feedback.answeredAt'])
      .where('feedback.application_id IS NULL')
      .andWhere('feedback.answered_at < :cutoff', { cutoff: cutoff.getTime() })
      // Emptied already: the answer is gone.
      .andWhere('feedback.answer IS NOT NULL')
      .getMany();
    for (const item of due) {
      await this.dataSource.transaction(async (manager) => {
        await manager
          .getRepository(Feedback)
          .update({ id: item.id }, { subject: '', body: '', contact: null, answer: null });
        await audit(manager, 'feedback_texts_cleared', at, {
          feedbackCode: item.code,
          answeredAt: item.answeredAt!.toISOString(),
          retentionDays,
        });
      });
    }
    return due.length;
  }

  /** Drafts abandoned since `cutoff`, oldest change first, after the cursor. */
  public async abandonedDrafts(
    cutoff: Date,
    limit: number,
    after: AbandonedDraft | null,
  ): Promise<AbandonedDraft[]> {
    const query = this.dataSource
      .getRepository(Application)
      .createQueryBuilder('application')
      .innerJoin('application.procedure', 'procedure')
      .select(['application.id', 'application.updatedAt', 'procedure.id', 'procedure.code'])
      .where(abandonedDraft('application'), { cutoff: cutoff.getTime() })
      .orderBy('application.updated_at', 'ASC')
      .addOrderBy('application.id', 'ASC')
      // The join is many-to-one, so LIMIT is exact (take() would wrap the query in a DISTINCT).
      .limit(limit);
    if (after) afterCursor(query, 'updated_at', after.updatedAt, after.id);
    const rows = await query.getMany();
    return rows.map((row) => ({ id: row.id, updatedAt: row.updatedAt, procedureCode: row.procedure!.code }));
  }

  /**
   * Deletes the draft's row if it is still abandoned, and answers the storage keys of its documents; or
   * null when it is not: changed meanwhile (its row was held by the change), or taken by another sweep.
   */
  public async claimAbandonedDraft(
    manager: EntityManager,
    id: string,
    cutoff: Date,
  ): Promise<string[] | null> {
    const deleted = await manager
      .createQueryBuilder()
      .delete()
      .from(Application)
      .where(`id = :id AND ${abandonedDraft('applications')}`, { id, cutoff: cutoff.getTime() })
      .execute();
    if ((deleted.affected ?? 0) !== 1) return null;
    const attachments = await manager
      .getRepository(Attachment)
      .find({ select: { storageKey: true }, where: { applicationId: id } });
    return attachments.filter(hasStoredCopy).map((attachment) => attachment.storageKey);
  }

  /** Deletes what a claimed draft left (its attachment rows, its notifications) and writes its audit row. */
  public async forgetDraft(
    manager: EntityManager,
    id: string,
    at: Date,
    auditDetails: JsonObject,
  ): Promise<void> {
    const documents = await manager.getRepository(Attachment).delete({ applicationId: id });
    await manager.getRepository(Notification).delete({ applicationId: id });
    await audit(manager, 'draft_removed', at, { ...auditDetails, documentsRemoved: documents.affected ?? 0 });
  }
}

/** Keeps the applications after a keyset cursor in the order `column, id`. */
function afterCursor(query: SelectQueryBuilder<Application>, column: string, at: Date, id: string): void {
  query.andWhere(
    new Brackets((page) =>
      page
        .where(`application.${column} > :cursorAt`, { cursorAt: at.getTime() })
        .orWhere(`(application.${column} = :cursorAt AND application.id > :cursorId)`, { cursorId: id }),
    ),
  );
}

async function audit(
  manager: EntityManager,
  type: AuditEventType,
  at: Date,
  details: JsonObject,
): Promise<void> {
  const row = { id: randomUUID(), at, type, actorId: null, subjectId: null, ip: null, details };
  // The JSON details type is too deep for TypeORM's partial-entity typing; the row is a full AuditEvent.
  await manager
    .createQueryBuilder()
    .insert()
    .into(AuditEvent)
    .values(row as object)
    .execute();
}

/** The free texts that consultations and transfer answers record in events (docs/applications.md, "Retention"). */
const EVENT_TEXTS: { readonly [type: string]: readonly string[] } = {
  consult: ['reason'],
  answer_consultation: ['opinion'],
  forward: ['opinion'],
};

/**
 * Empties the consultations' questions and opinions, and the same words as their events and a
 * transfer's `forward` recorded them. The consultations and the events stay, with their agencies, times
 * and due times (late or on time), and a transfer's `amountDue`, a number, stays too.
 */
async function forgetConsultationTexts(manager: EntityManager, applicationId: string): Promise<void> {
  const events = await manager
    .getRepository(ApplicationEvent)
    .find({ where: { applicationId, type: In(Object.keys(EVENT_TEXTS)) } });
  // Consultations are opened by `consult` events only: a file without one has none to empty.
  if (events.some((event) => event.type === 'consult')) {
    await manager.getRepository(Consultation).update({ applicationId }, { question: '' });
    await manager
      .getRepository(Consultation)
      .update({ applicationId, opinion: Not(IsNull()) }, { opinion: '' });
  }
  for (const event of events) {
    const fields = (EVENT_TEXTS[event.type] ?? []).filter((field) => typeof event.data[field] === 'string');
    if (fields.length === 0) continue;
    event.data = { ...event.data, ...Object.fromEntries(fields.map((field) => [field, ''])) };
    await manager.getRepository(ApplicationEvent).save(event);
  }
}
