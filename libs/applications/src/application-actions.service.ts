import { Injectable } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { emailNotVerified } from '@onegate/access';
import { ACTION_TABLE, decide, startsTheClock } from '@onegate/domain';
import type { Action } from '@onegate/domain';
import { ApplicationRepository, TransactionRunner } from '@onegate/persistence';
import type { Agency, Application, ApplicationEvent, Attachment } from '@onegate/persistence';

import type { ActionRequest } from './action.request';
import { ActionContextService } from './action-context.service';
import type { Actor } from './actor';
import { actorId } from './actor';
import { notFound } from './application-access.service';
import { changedMeanwhile, decidedOrThrow, invalidFields } from './application-errors';
import { ApplicationJournal } from './application-journal';
import { ApplicationMessagesService } from './application-messages.service';
import { ConsultationWriter } from './consultation-writer';
import { ReceiptCodes } from './receipt-codes.service';
import { SubmissionCheck } from './submission-check';
import { SupplementCheck } from './supplement-check';
import type { MessageFile } from './application-messages.service';
import { TransferDocuments } from './transfer-documents';

/** The application as an action left it, with what the action read of it. */
export interface ActionOutcome {
  application: Application;
  /** All of its events, the new one last. */
  events: ApplicationEvent[];
  /** Its documents, when the action read them (submit checks them); otherwise not read. */
  attachments?: Attachment[];
}

/**
 * Every action on a file, through one door: the action table decides it (whose file, role, version,
 * state, fields; docs/applications.md, "Rules chosen"), then the change is written and the journal
 * records its event in one transaction, guarded by the application's version.
 */
@Injectable()
export class ApplicationActionsService {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly contexts: ActionContextService,
    private readonly transactions: TransactionRunner,
    private readonly submission: SubmissionCheck,
    private readonly supplement: SupplementCheck,
    private readonly receiptCodes: ReceiptCodes,
    private readonly journal: ApplicationJournal,
    private readonly messages: ApplicationMessagesService,
    private readonly consultations: ConsultationWriter,
    private readonly transferDocuments: TransferDocuments,
  ) {}

  /**
   * Gives the application as the action left it, with the events and documents it read on the way.
   * `documents`: the files a transfer agency returns with its `forward` (docs/applications.md, "Transfers").
   */
  public async perform(
    actor: Actor,
    applicationId: string,
    request: ActionRequest,
    documents: readonly MessageFile[] = [],
  ): Promise<ActionOutcome> {
    const application = await this.applications.findById(applicationId);
    if (!application) throw notFound();
    const action = request.action;
    const messageAuthor = messageAuthorOf(actor, request);
    const context = await this.contexts.contextFor(actor, application, request);
    const decision = decidedOrThrow(action, decide(action, application, request, context));
    // docs/identity.md: an address nobody has confirmed cannot file anything.
    if (action === 'submit' && actor.kind === 'user' && !actor.user.emailVerified) throw emailNotVerified();
    const rule = ACTION_TABLE[action];
    const attachments = rule.checksFile ? await this.submission.assertComplete(application) : undefined;
    if (rule.checksAnswers && decision.channel === 'online')
      await this.supplement.assertAnswered(application);
    const receivingAgency = startsTheClock(action) ? await this.contexts.deskOf(actor) : null;
    const returned = await this.transferDocuments.store(action, application, context.process, documents, {
      userId: actorId(actor)!,
      at: context.now,
    });
    if (returned.attachments.length > 0)
      decision.data = { ...decision.data, documents: returned.attachments.map((file) => file.id) };
    const changes: Partial<Application> = { ...decision.changes };
    let after = application;
    let events: ApplicationEvent[] = [];
    try {
      await this.transactions.run(async (manager) => {
        const won = await this.applications.updateIfVersion(
          manager,
          application.id,
          application.version,
          changes,
        );
        if (!won) throw changedMeanwhile(application.version + 1);
        // The code is taken once the file's row is held: a transaction waiting for that row must not hold
        // its agency's code counter meanwhile, or every submission to the agency would wait behind it.
        const coder = codingAgency(action, application, receivingAgency);
        if (coder) {
          changes.code = await this.receiptCodes.next(manager, coder, context.now);
          await this.applications.setCode(manager, application.id, changes.code);
        }
        events = await this.journal.record(manager, {
          application,
          decision,
          actor: { id: actorId(actor), role: context.role },
          at: context.now,
          note: request.note ?? null,
          calendar: context.calendar,
        });
        await this.transferDocuments.record(manager, returned);
        if (rule.consultation) {
          await this.consultations.write(manager, application.id, actorId(actor)!, request, context.now);
        }
        if (messageAuthor)
          await this.messages.recordWithAction(manager, application, messageAuthor, action, request.message!);
        after = {
          ...application,
          ...changes,
          receivingAgency: receivingAgency ?? application.receivingAgency,
          version: decision.version,
        };
      });
    } catch (error) {
      await this.transferDocuments.discard(returned);
      throw error;
    }
    return { application: after, events, attachments };
  }
}

/** Who writes the action's message to the applicant, if it has one: staff only (docs/messages.md). */
function messageAuthorOf(actor: Actor, request: ActionRequest): AuthenticatedUser | null {
  if (request.message === undefined || request.message.trim() === '') return null;
  if (actor.kind !== 'user' || actor.user.role === 'citizen') {
    throw invalidFields([
      { field: 'message', problems: ["is staff's message to the applicant; write in the file's messages"] },
    ]);
  }
  return actor.user;
}

/**
 * Whose receipt code the action gives the file (docs/applications.md, "Receipt codes"): an online
 * submission takes the competent agency's code at once, so the citizen can track it from then on; its
 * reception keeps that code. A file that had none (submitted before codes were given at submission)
 * takes the receiving desk's.
 */
function codingAgency(action: Action, application: Application, desk: Agency | null): Agency | null {
  if (action === 'submit') return application.code ? null : application.competentAgency!;
  return desk && !application.code ? desk : null;
}
