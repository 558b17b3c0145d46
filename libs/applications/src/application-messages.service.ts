import { randomUUID } from 'node:crypto';

import { ConflictException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

import type { AuthenticatedUser } from '@onegate/access';
import type { Action } from '@onegate/domain';
import { JobName, notificationJobId, Outbox } from '@onegate/jobs';
import type { NotificationPayload, OutboxJob } from '@onegate/jobs';
import {
  ApplicationMessageRepository,
  ApplicationRepository,
  messageFilesName,
  TransactionRunner,
  UserRepository,
  NOT_REUSED,
} from '@onegate/persistence';
import type { Application, ApplicationMessage, Attachment, ThreadMessage } from '@onegate/persistence';
import { Clock, FileStore } from '@onegate/platform';

import { ApplicationAccessService } from './application-access.service';
import { invalidFields } from './application-errors';
import { safeName } from './attachment.service';
import { checkedUpload, DEFAULT_UPLOAD_TYPES } from './upload-checks';

/** What one message may hold (docs/messages.md). */
export const MESSAGE_LIMITS = { characters: 2000, files: 3, fileBytes: 10 * 1024 * 1024 } as const;

/** A file received with a message, in a temporary place; the caller removes it afterwards. */
export interface MessageFile {
  originalName: string;
  path: string;
  sizeBytes: number;
}

/**
 * Each file's thread between its applicant and the agency (docs/messages.md): only the two sides read
 * and write it, each message notifies the other side, and nothing of it is changed or deleted.
 */
@Injectable()
export class ApplicationMessagesService {
  public constructor(
    private readonly applications: ApplicationRepository,
    private readonly messages: ApplicationMessageRepository,
    private readonly access: ApplicationAccessService,
    private readonly users: UserRepository,
    private readonly outbox: Outbox,
    private readonly files: FileStore,
    private readonly clock: Clock,
    private readonly transactions: TransactionRunner,
  ) {}

  /** The applicant, or staff of the file's agencies; 404 for anyone else, as for no file at all. */
  public async assertParty(user: AuthenticatedUser, applicationId: string): Promise<Application> {
    return this.access.assertVisible(user, await this.applications.findById(applicationId));
  }

  public async thread(user: AuthenticatedUser, applicationId: string): Promise<ThreadMessage[]> {
    await this.assertParty(user, applicationId);
    return this.messages.threadOf(applicationId);
  }

  /** A message of the thread, with its files: stored, recorded and its notices queued at once. */
  public async post(
    user: AuthenticatedUser,
    applicationId: string,
    text: string | undefined,
    received: MessageFile[],
  ): Promise<ThreadMessage> {
    const application = await this.assertParty(user, applicationId);
    if (application.state === 'draft')
      throw new ConflictException('Messages can be written once the application is submitted');
    const body = checkedBody(text, 'body');
    if (received.length > MESSAGE_LIMITS.files)
      throw invalidFields([
        { field: 'files', problems: [`at most ${MESSAGE_LIMITS.files} files a message`] },
      ]);
    const rules = { accepted: DEFAULT_UPLOAD_TYPES, limit: MESSAGE_LIMITS.fileBytes, field: 'files' };
    const mediaTypes: string[] = [];
    for (const file of received) mediaTypes.push(await checkedUpload(file, rules));
    const message = this.newMessage(application, user, body, null);
    const files: Attachment[] = [];
    try {
      for (const [index, file] of received.entries()) {
        files.push({
          id: randomUUID(),
          applicationId,
          documentName: messageFilesName(message.id),
          originalName: safeName(file.originalName),
          mediaType: mediaTypes[index]!,
          uploadedBy: user.id,
          supplementRequest: null,
          origin: 'uploaded',
          ...NOT_REUSED,
          uploadedAt: message.at,
          ...(await this.files.saveFile(file.path)),
        });
      }
      await this.transactions.run(async (manager) => {
        await this.messages.insert(message, files, manager);
        await this.outbox.add(manager, await this.noticesOf(application, message));
      });
    } catch (error) {
      await Promise.all(files.map((file) => this.files.remove(file.storageKey)));
      throw error;
    }
    return { message, files };
  }

  /** A clerk's message to the applicant written on an action's form, in the action's transaction. */
  public async recordWithAction(
    manager: EntityManager,
    application: Application,
    user: AuthenticatedUser,
    action: Action,
    text: string,
  ): Promise<void> {
    const message = this.newMessage(application, user, checkedBody(text, 'message'), action);
    await this.messages.insert(message, [], manager);
    await this.outbox.add(manager, await this.noticesOf(application, message));
  }

  private newMessage(
    application: Application,
    user: AuthenticatedUser,
    body: string,
    action: Action | null,
  ): ApplicationMessage {
    return {
      id: randomUUID(),
      applicationId: application.id,
      at: this.clock.now(),
      authorId: user.id,
      authorRole: user.role,
      body,
      action,
    };
  }

  /** The applicant hears from the agency; the assignee, or else the agency's clerks, from the applicant. */
  private async noticesOf(application: Application, message: ApplicationMessage): Promise<OutboxJob[]> {
    const recipients: NotificationPayload['recipient'][] = [];
    if (message.authorRole !== 'citizen') {
      if (application.applicantId) recipients.push({ userId: application.applicantId });
      else if (application.applicantEmail)
        recipients.push({ email: application.applicantEmail, language: 'vi' });
    } else if (application.assigneeId) {
      recipients.push({ userId: application.assigneeId });
    } else {
      const clerks = await this.users.activeClerksOf(application.competentAgencyId);
      recipients.push(...clerks.map((clerk) => ({ userId: clerk.id })));
    }
    return recipients.map((recipient) => {
      const to = 'userId' in recipient ? recipient.userId : 'applicant';
      const notice: NotificationPayload = {
        key: `${application.id}:message_received:${message.id}:${to}`,
        kind: 'message_received',
        applicationId: application.id,
        recipient,
        facts: { message: message.body, authorRole: message.authorRole },
      };
      return { name: JobName.SendNotification, payload: notice, jobId: notificationJobId(notice.key) };
    });
  }
}

/** A message's words: not blank, and at most MESSAGE_LIMITS.characters. */
function checkedBody(text: string | undefined, field: string): string {
  const body = (text ?? '').trim();
  if (body === '') throw invalidFields([{ field, problems: ['must not be empty'] }]);
  if (body.length > MESSAGE_LIMITS.characters)
    throw invalidFields([{ field, problems: [`must be at most ${MESSAGE_LIMITS.characters} characters`] }]);
  return body;
}
