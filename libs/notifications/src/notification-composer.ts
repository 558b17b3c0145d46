import { randomUUID } from 'node:crypto';

import { Injectable } from '@nestjs/common';

import { AppConfig } from '@onegate/config';
import {
  CLOCK_RUNNING_STATES,
  DEFAULT_TIME_ZONE,
  feedbackPagePath,
  filePagePath,
  webhookPagePath,
} from '@onegate/domain';
import type { Language, NotificationKind, Role } from '@onegate/domain';
import type { NotificationFacts, NotificationPayload } from '@onegate/jobs';
import {
  ApplicationRepository,
  IssuedResultRepository,
  noticeChannelsOf,
  resultFileName,
  UserRepository,
} from '@onegate/persistence';
import type { Application, Attachment, Notification } from '@onegate/persistence';

import type { ApplicationView, MailContext } from './mail-context';
import { displayedFields, formatInstant } from './mail-formatting';
import { MailTemplates } from './mail-templates';

const DEADLINE_KINDS: readonly NotificationKind[] = ['due_soon', 'overdue'];

interface Recipient {
  userId: string | null;
  /** Null for an address without an account (a counter applicant). */
  role: Role | null;
  email: string | null;
  language: Language;
  name: string;
  timeZone: string | null;
  agencyName: { vi: string; en: string } | null;
}

/**
 * Builds a notification from its job: who it is for (their language and e-mail), what the application
 * says now, the facts the job carries, rendered with the template the competent agency or the
 * procedure may override.
 */
@Injectable()
export class NotificationComposer {
  public constructor(
    private readonly users: UserRepository,
    private readonly applications: ApplicationRepository,
    private readonly templates: MailTemplates,
    private readonly config: AppConfig,
    private readonly results: IssuedResultRepository,
  ) {}

  /**
   * The notification to store, or null when its recipient or application is gone, or it no longer
   * applies. `form` is the stored form its e-mail carries, if any.
   */
  public async compose(
    payload: NotificationPayload,
    now: Date,
    form: Attachment | null = null,
  ): Promise<Notification | null> {
    const application = payload.applicationId
      ? await this.applications.findById(payload.applicationId)
      : null;
    if (payload.applicationId && !application) return null;
    // A deadline alert raised just before the file was decided (or paused) no longer applies.
    if (
      DEADLINE_KINDS.includes(payload.kind) &&
      !CLOCK_RUNNING_STATES.includes(application?.state ?? 'draft')
    ) {
      return null;
    }
    // A step alert for a step the file has left (or a paused or closed file) no longer applies.
    if (payload.kind === 'step_overdue' && !stillAtStep(application, payload.facts)) return null;
    const recipient = await this.recipientOf(payload, application);
    if (!recipient) return null;
    const context = this.contextOf(payload, recipient, application);
    if (form) context.attachment = form.originalName;
    if (payload.kind === 'result_ready' && application) {
      context.resultUrl = `${this.config.publicUrl}/my/applications/${application.id}/result`;
      const result = await this.attachedResultOf(application.id);
      if (result) context.attachment = resultFileName(result);
    }
    const mail = await this.templates.render(
      {
        name: payload.kind,
        language: recipient.language,
        agencyCode: application?.competentAgency?.code,
        procedureCode: application?.procedure?.code,
      },
      context,
    );
    return {
      id: randomUUID(),
      recipientUserId: recipient.userId,
      recipientEmail: recipient.email,
      kind: payload.kind,
      applicationId: payload.applicationId,
      notificationKey: payload.key,
      language: recipient.language,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      createdAt: now,
      readAt: null,
      emailStatus: recipient.email ? 'pending' : 'none',
      emailSentAt: null,
      emailError: null,
      attachmentId: form?.id ?? null,
    };
  }

  /** The signed result the "result ready" e-mail carries: only one no larger than the configured limit. */
  public async attachedResultOf(applicationId: string) {
    const result = await this.results.findByApplication(applicationId);
    return result && result.sizeBytes <= this.config.mailResultAttachmentBytes ? result : null;
  }

  private async recipientOf(
    payload: NotificationPayload,
    application: Application | null,
  ): Promise<Recipient | null> {
    if ('email' in payload.recipient) {
      return {
        userId: null,
        role: null,
        email: payload.recipient.email,
        language: payload.recipient.language,
        name: application?.applicantName ?? payload.recipient.email,
        timeZone: null,
        agencyName: null,
      };
    }
    const user = await this.users.findById(payload.recipient.userId);
    if (!user) return null;
    return {
      userId: user.id,
      role: user.role,
      // A deactivated account still sees its notifications, but is sent no more e-mail.
      // Nor to an account that chose not to have e-mail (docs/text-messages.md).
      email: user.active && noticeChannelsOf(user).includes('email') ? user.email : null,
      language: user.language,
      name: user.fullName,
      timeZone: user.agency?.timeZone ?? null,
      agencyName: user.agency ? { vi: user.agency.nameVi, en: user.agency.nameEn } : null,
    };
  }

  private contextOf(
    payload: NotificationPayload,
    recipient: Recipient,
    application: Application | null,
  ): MailContext {
    const language = recipient.language;
    const timeZone = application?.competentAgency?.timeZone ?? recipient.timeZone ?? DEFAULT_TIME_ZONE;
    const facts = payload.facts;
    const time = (name: string) => {
      const value = facts[name];
      return typeof value === 'string' ? formatInstant(new Date(value), timeZone, language) : undefined;
    };
    const context: MailContext = {
      language,
      recipientName: recipient.name,
      portalUrl: this.config.publicUrl,
      fileUrl: `${this.config.publicUrl}${filePagePath(recipient.role, payload.applicationId)}`,
      application: application ? this.viewOf(application, language) : undefined,
      submittedAt: time('submittedAt'),
      receivedAt: time('receivedAt'),
      dueAt: time('dueAt'),
      stepName: text(facts, language === 'vi' ? 'stepNameVi' : 'stepNameEn'),
      stepDueAt: time('stepDueAt'),
      decidedAt: time('decidedAt'),
      returnedAt: time('returnedAt'),
      appointmentAt: time('appointmentAt'),
      reason: text(facts, 'reason'),
      missingDocuments: Array.isArray(facts.missingDocuments) ? facts.missingDocuments : undefined,
      approved: facts.outcome === 'approved',
      message: text(facts, 'message'),
      fromApplicant: facts.authorRole === 'citizen',
    };
    if (payload.kind === 'consultation_overdue') {
      context.consultation = {
        agencyName: text(facts, language === 'vi' ? 'agencyNameVi' : 'agencyNameEn') ?? '',
        question: text(facts, 'question') ?? '',
        answerDueAt: time('answerDueAt') ?? '',
      };
    }
    if (payload.kind === 'feedback_answered' || payload.kind === 'feedback_overdue') {
      context.fileUrl = `${this.config.publicUrl}${feedbackPagePath(recipient.role, text(facts, 'feedbackId') ?? '')}`;
      context.feedback = {
        code: text(facts, 'code') ?? '',
        petition: facts.kind === 'petition',
        agencyName: text(facts, language === 'vi' ? 'agencyNameVi' : 'agencyNameEn') ?? '',
        dueAt: time('dueAt') ?? '',
      };
    }
    if (payload.kind === 'webhook_disabled') {
      context.fileUrl = `${this.config.publicUrl}${webhookPagePath(text(facts, 'subscriptionId') ?? '')}`;
      context.webhook = {
        url: text(facts, 'url') ?? '',
        gone: facts.reason === 'gone',
        disabledAt: time('disabledAt') ?? '',
      };
    }
    if (payload.kind === 'weekly_digest') {
      context.digest = {
        agencyName: recipient.agencyName?.[language] ?? '',
        from: text(facts, 'from') ?? '',
        to: text(facts, 'to') ?? '',
        received: Number(facts.received ?? 0),
        decided: Number(facts.decided ?? 0),
        onTime: Number(facts.onTime ?? 0),
        overdue: Number(facts.overdue ?? 0),
      };
    }
    return context;
  }

  private viewOf(application: Application, language: Language): ApplicationView {
    const procedure = application.procedure!;
    const agency = application.competentAgency!;
    return {
      code: application.code ?? '',
      procedureCode: procedure.code,
      procedureName: language === 'vi' ? procedure.nameVi : procedure.nameEn,
      agencyName: language === 'vi' ? agency.nameVi : agency.nameEn,
      applicantName: application.applicantName,
      formFields: displayedFields(procedure.formSchema, application.formData, language),
    };
  }
}

const stillAtStep = (application: Application | null, facts: NotificationFacts): boolean =>
  !!application &&
  CLOCK_RUNNING_STATES.concat('decided').includes(application.state) &&
  application.stepPosition === facts.step &&
  application.stepDueAt?.toISOString() === facts.stepDueAt;

const text = (facts: NotificationFacts, name: string): string | undefined =>
  typeof facts[name] === 'string' ? facts[name] : undefined;
