import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';

import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';

import type { AuthenticatedUser } from '@onegate/access';
import { AppConfig } from '@onegate/config';
import { JobName, notificationJobId, Outbox } from '@onegate/jobs';
import type { NotificationPayload, OutboxJob } from '@onegate/jobs';
import {
  AgencyRepository,
  ApplicationRepository,
  FeedbackRepository,
  TransactionRunner,
} from '@onegate/persistence';
import type { Agency, Feedback, FeedbackKind, FeedbackRating } from '@onegate/persistence';
import type { WorkingCalendar } from '@onegate/domain';
import { Clock, invalidFields } from '@onegate/platform';
import type { FieldProblem } from '@onegate/platform';

import { AgencyScopeService } from './agency-scope.service';
import { FeedbackDto, FiledFeedbackDto } from './feedback.dto';
import type { AnonymousFeedbackRequest, FileFeedbackRequest } from './feedback.requests';
import { WorkingCalendarService } from './working-calendar.service';

/** What feedback may hold (docs/feedback.md). */
export const FEEDBACK_LIMITS = {
  subject: { min: 5, max: 200 },
  body: { min: 20, max: 4000 },
  contact: { max: 254 },
  answer: { min: 1, max: 4000 },
} as const;

/** Letters and digits that cannot be mistaken for one another (no 0/O, 1/I/L). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const CODE_LENGTH = 8;
const SECRET_LENGTH = 16;
const QUEUE_LIMIT = 200;
/** The overdue check runs just after the due time, so it finds the item late. */
const CHECK_AFTER_MS = 1_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^(\+84|0)\d{9,10}$/;

/** A new code: `PA-` for feedback, `KN-` for a petition, then eight characters (docs/feedback.md). */
export function newFeedbackCode(kind: FeedbackKind): string {
  return `${kind === 'petition' ? 'KN' : 'PA'}-${randomText(CODE_LENGTH)}`;
}

/** `days` working days after filing, on the agency's working calendar (docs/feedback.md, "Due time"). */
export function feedbackDueAt(filedAt: Date, calendar: WorkingCalendar, days: number): Date {
  return calendar.addWorkingTime(filedAt, days * 8);
}

/**
 * Citizens' feedback and petitions (docs/feedback.md): filed by a citizen about one of their files or
 * an agency, or anonymously about an agency; answered once by the agency's staff within its working
 * days; rated once by its author. Only the author and the agency's staff (and administrators) read it.
 */
@Injectable()
export class FeedbackService {
  public constructor(
    private readonly feedback: FeedbackRepository,
    private readonly agencies: AgencyRepository,
    private readonly applications: ApplicationRepository,
    private readonly scopes: AgencyScopeService,
    private readonly calendars: WorkingCalendarService,
    private readonly outbox: Outbox,
    private readonly transactions: TransactionRunner,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** A signed-in citizen's feedback about one of their files (with its aspect) or about an agency. */
  public async file(user: AuthenticatedUser, request: FileFeedbackRequest): Promise<FeedbackDto> {
    const problems: FieldProblem[] = [];
    let agency: Agency | null = null;
    let applicationId: string | null = null;
    if (request.applicationId) {
      const application = await this.applications.findById(request.applicationId);
      if (!application || application.applicantId !== user.id || application.state === 'draft') {
        problems.push({ field: 'applicationId', problems: ['must be one of your submitted files'] });
      } else {
        applicationId = application.id;
        agency = await this.agencies.findById(application.competentAgencyId);
      }
      if (!request.aspect)
        problems.push({
          field: 'aspect',
          problems: ['say what the feedback on the file is about: reception, handling, lateness or other'],
        });
      if (request.agencyCode)
        problems.push({ field: 'agencyCode', problems: ['name a file or an agency, not both'] });
    } else {
      agency = await this.agencyNamed(request.agencyCode, problems);
      if (request.aspect) problems.push({ field: 'aspect', problems: ['is only for feedback about a file'] });
    }
    const texts = checkedTexts(request, problems);
    if (problems.length > 0 || !agency) throw invalidFields(problems);
    const filed = await this.insert({
      kind: request.kind,
      agency,
      applicationId,
      aspect: applicationId ? request.aspect! : null,
      authorId: user.id,
      secretHash: null,
      contact: null,
      ...texts,
    });
    return FeedbackDto.from(filed, agency, this.clock.now(), false);
  }

  /** Anonymous feedback about an agency, never a file; answered with its code and a secret. */
  public async fileAnonymously(request: AnonymousFeedbackRequest): Promise<FiledFeedbackDto> {
    const problems: FieldProblem[] = [];
    if (request.applicationId !== undefined)
      problems.push({
        field: 'applicationId',
        problems: ['feedback about a file needs you to sign in as its applicant'],
      });
    const agency = await this.agencyNamed(request.agencyCode, problems);
    const texts = checkedTexts(request, problems);
    const contact = checkedContact(request.contact, problems);
    if (problems.length > 0 || !agency) throw invalidFields(problems);
    const secret = randomText(SECRET_LENGTH);
    const filed = await this.insert({
      kind: request.kind,
      agency,
      applicationId: null,
      aspect: null,
      authorId: null,
      secretHash: hashOf(secret),
      contact,
      ...texts,
    });
    return { ...FeedbackDto.from(filed, agency, this.clock.now(), false), secret };
  }

  /** A citizen's own feedback, newest first. */
  public async mine(user: AuthenticatedUser): Promise<FeedbackDto[]> {
    return this.viewsOf(await this.feedback.ofAuthor(user.id, QUEUE_LIMIT), false);
  }

  /** The author, staff whose scope holds its agency, administrators; 404 for anyone else. */
  public async read(user: AuthenticatedUser, id: string): Promise<FeedbackDto> {
    const { feedback, staff } = await this.reached(user, id);
    return this.viewOf(feedback, staff);
  }

  /** The agency's queue: unanswered first, the most overdue first; then the answered ones. */
  public async queue(user: AuthenticatedUser): Promise<FeedbackDto[]> {
    const scope = await this.scopes.scopeOf(user);
    return this.viewsOf(await this.feedback.queueOf(scope === 'all' ? 'all' : [...scope], QUEUE_LIMIT), true);
  }

  /** Staff of the feedback's agency answer it once; the author is told. */
  public async answer(user: AuthenticatedUser, id: string, text: string | undefined): Promise<FeedbackDto> {
    const feedback = await this.assertStaff(user, id);
    const answer = (text ?? '').trim();
    const problems: FieldProblem[] = [];
    checkLength(answer, 'answer', FEEDBACK_LIMITS.answer, problems);
    if (problems.length > 0) throw invalidFields(problems);
    if (feedback.answeredAt) throw alreadyAnswered();
    const answered: Feedback = {
      ...feedback,
      answeredAt: this.clock.now(),
      answeredBy: user.id,
      answeredByRole: user.role,
      answer,
    };
    const agency = (await this.agencies.findById(feedback.agencyId))!;
    await this.transactions.run(async (manager) => {
      const recorded = await this.feedback.answer(manager, id, {
        answeredAt: answered.answeredAt,
        answeredBy: answered.answeredBy,
        answeredByRole: answered.answeredByRole,
        answer,
      });
      if (!recorded) throw alreadyAnswered();
      await this.outbox.add(manager, [
        ...answerNotices(answered, agency),
        // Subscribed systems hear of the answer (docs/webhooks.md, "Events").
        { name: JobName.WebhookEvent, payload: { feedbackId: id }, jobId: `webhook|feedback|${id}` },
      ]);
    });
    return FeedbackDto.from(answered, agency, this.clock.now(), true);
  }

  /** The author rates the answer once: not before it is answered. */
  public async rate(user: AuthenticatedUser, id: string, rating: FeedbackRating): Promise<FeedbackDto> {
    return this.rated(await this.assertAuthor(user, id), rating);
  }

  /** The feedback, if the caller wrote it; 404 otherwise. */
  public async assertAuthor(user: AuthenticatedUser, id: string): Promise<Feedback> {
    const { feedback } = await this.reached(user, id);
    if (feedback.authorId !== user.id) throw noSuchFeedback();
    return feedback;
  }

  /** Anonymous feedback, followed by its code and the secret given at filing. */
  public async follow(code: string, secret: string): Promise<FeedbackDto> {
    return this.viewOf(await this.anonymousItem(code, secret), false);
  }

  public async rateAnonymously(code: string, secret: string, rating: FeedbackRating): Promise<FeedbackDto> {
    return this.rated(await this.anonymousItem(code, secret), rating);
  }

  /** The agency's own number of working days to answer feedback; null follows FEEDBACK_DAYS. */
  public async setAgencyDays(agencyCode: string, days: number | null): Promise<{ feedbackDays: number }> {
    const agency = await this.agencies.findByCode(agencyCode);
    if (!agency) throw new NotFoundException('No such agency');
    await this.agencies.setFeedbackDays(agency.id, days);
    return { feedbackDays: days ?? this.config.feedbackDays };
  }

  private async rated(feedback: Feedback, rating: FeedbackRating): Promise<FeedbackDto> {
    if (!feedback.answeredAt)
      throw new ConflictException({
        message: 'The answer can be rated once the agency has answered',
        details: [{ field: 'rating', problems: ['there is no answer to rate yet'] }],
      });
    const ratedAt = this.clock.now();
    if (feedback.rating || !(await this.feedback.rate(feedback.id, rating, ratedAt)))
      throw new ConflictException({
        message: 'The answer has been rated already',
        details: [{ field: 'rating', problems: ['an answer is rated once'] }],
      });
    return this.viewOf({ ...feedback, rating, ratedAt }, false);
  }

  private async insert(
    fields: Omit<
      Feedback,
      | 'id'
      | 'code'
      | 'agencyId'
      | 'filedAt'
      | 'dueAt'
      | 'answeredAt'
      | 'answeredBy'
      | 'answeredByRole'
      | 'answer'
      | 'rating'
      | 'ratedAt'
    > & { agency: Agency },
  ): Promise<Feedback> {
    const { agency, ...rest } = fields;
    const filedAt = this.clock.now();
    const calendar = await this.calendars.calendarFor(agency);
    const feedback: Feedback = {
      ...rest,
      id: randomUUID(),
      code: await this.newCode(fields.kind),
      agencyId: agency.id,
      filedAt,
      dueAt: feedbackDueAt(filedAt, calendar, agency.feedbackDays ?? this.config.feedbackDays),
      answeredAt: null,
      answeredBy: null,
      answeredByRole: null,
      answer: null,
      rating: null,
      ratedAt: null,
    };
    await this.transactions.run(async (manager) => {
      await this.feedback.insert(manager, feedback);
      const due = feedback.dueAt.getTime();
      await this.outbox.add(manager, [
        {
          name: JobName.CheckFeedback,
          payload: { feedbackId: feedback.id, dueAt: feedback.dueAt.toISOString() },
          jobId: `feedback|${feedback.id}|${due}`,
          runAt: new Date(due + CHECK_AFTER_MS),
        },
      ]);
    });
    return feedback;
  }

  private async newCode(kind: FeedbackKind): Promise<string> {
    for (;;) {
      const code = newFeedbackCode(kind);
      if (!(await this.feedback.codeTaken(code))) return code;
    }
  }

  private async agencyNamed(code: string | undefined, problems: FieldProblem[]): Promise<Agency | null> {
    const agency = code ? await this.agencies.findByCode(code.trim()) : null;
    if (!agency)
      problems.push({
        field: 'agencyCode',
        problems: [code ? 'is not the code of an agency' : 'name the agency the feedback is about'],
      });
    return agency;
  }

  private async reached(
    user: AuthenticatedUser,
    id: string,
  ): Promise<{ feedback: Feedback; staff: boolean }> {
    const feedback = await this.feedback.findById(id);
    if (!feedback) throw noSuchFeedback();
    if (user.role === 'citizen') {
      if (feedback.authorId !== user.id) throw noSuchFeedback();
      return { feedback, staff: false };
    }
    if (!(await this.scopes.covers(user, feedback.agencyId))) throw noSuchFeedback();
    return { feedback, staff: true };
  }

  /** The feedback, if the caller is staff whose scope holds its agency; 404 otherwise. */
  public async assertStaff(user: AuthenticatedUser, id: string): Promise<Feedback> {
    const { feedback, staff } = await this.reached(user, id);
    if (!staff) throw noSuchFeedback();
    return feedback;
  }

  private async anonymousItem(code: string, secret: string): Promise<Feedback> {
    const feedback = await this.feedback.findByCode(code.trim().toUpperCase());
    if (!feedback?.secretHash || !sameHash(feedback.secretHash, hashOf(secret.trim().toUpperCase())))
      throw noSuchFeedback();
    return feedback;
  }

  private async viewOf(feedback: Feedback, staff: boolean): Promise<FeedbackDto> {
    const agency = (await this.agencies.findById(feedback.agencyId))!;
    return FeedbackDto.from(feedback, agency, this.clock.now(), staff);
  }

  private async viewsOf(items: Feedback[], staff: boolean): Promise<FeedbackDto[]> {
    const agencies = new Map(
      (await this.agencies.findByIds([...new Set(items.map((item) => item.agencyId))])).map((agency) => [
        agency.id,
        agency,
      ]),
    );
    const now = this.clock.now();
    return items.map((item) => FeedbackDto.from(item, agencies.get(item.agencyId)!, now, staff));
  }
}

/** The author hears of the answer: in the application and by e-mail, or by e-mail to an anonymous author's address. */
function answerNotices(feedback: Feedback, agency: Agency): OutboxJob[] {
  const recipient: NotificationPayload['recipient'] | null = feedback.authorId
    ? { userId: feedback.authorId }
    : feedback.contact && EMAIL.test(feedback.contact)
      ? { email: feedback.contact, language: 'vi' }
      : null;
  if (!recipient) return [];
  const notice: NotificationPayload = {
    key: `${feedback.id}:feedback_answered:${feedback.authorId ?? 'author'}`,
    kind: 'feedback_answered',
    applicationId: null,
    recipient,
    facts: {
      feedbackId: feedback.id,
      code: feedback.code,
      kind: feedback.kind,
      dueAt: feedback.dueAt.toISOString(),
      agencyNameVi: agency.nameVi,
      agencyNameEn: agency.nameEn,
    },
  };
  return [{ name: JobName.SendNotification, payload: notice, jobId: notificationJobId(notice.key) }];
}

function checkedTexts(
  request: { subject?: string; body?: string },
  problems: FieldProblem[],
): { subject: string; body: string } {
  const subject = (request.subject ?? '').trim();
  const body = (request.body ?? '').trim();
  checkLength(subject, 'subject', FEEDBACK_LIMITS.subject, problems);
  checkLength(body, 'body', FEEDBACK_LIMITS.body, problems);
  return { subject, body };
}

export function checkLength(
  text: string,
  field: string,
  limits: { min: number; max: number },
  problems: FieldProblem[],
): void {
  if (text.length < limits.min)
    problems.push({
      field,
      problems: [text === '' ? 'must not be empty' : `must be at least ${limits.min} characters`],
    });
  else if (text.length > limits.max)
    problems.push({ field, problems: [`must be at most ${limits.max} characters`] });
}

function checkedContact(contact: string | undefined, problems: FieldProblem[]): string | null {
  const value = (contact ?? '').trim();
  if (value === '') return null;
  const phone = value.replace(/[\s.-]/g, '');
  if (value.length > FEEDBACK_LIMITS.contact.max || (!EMAIL.test(value) && !PHONE.test(phone))) {
    problems.push({ field: 'contact', problems: ['must be an e-mail address or a Vietnamese phone number'] });
    return null;
  }
  return EMAIL.test(value) ? value : phone;
}

const randomText = (length: number): string =>
  Array.from({ length }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

const hashOf = (secret: string): string => createHash('sha256').update(secret).digest('hex');

const sameHash = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

const noSuchFeedback = () => new NotFoundException('No such feedback');

const alreadyAnswered = () =>
  new ConflictException({
    message: 'This feedback has been answered already',
    details: [{ field: 'answer', problems: ['feedback is answered once'] }],
  });
