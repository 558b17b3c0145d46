import { decide, formatReceiptCode, possibleActions, startsTheClock } from '@onegate/domain';
import type { Decision, ProcessContext, WorkingCalendar } from '@onegate/domain';
import type {
  Agency,
  Application,
  ApplicationEvent,
  Attachment,
  Consultation,
  HistoryRowsOfFile,
  IssuedResult,
  Procedure,
  User,
} from '@onegate/persistence';
import { newApplication } from '@onegate/persistence';
import { timeOrderedId } from '@onegate/platform';
import type { ApplicationHistory } from '@onegate/reporting';
import { documentFactsOf, historyEventOf, LocalDays } from '@onegate/reporting';

import { attachmentRowsOf } from './import-documents';
import { feedbackRowsOf } from './import-feedback';
import { resultRowOf } from './import-result';
import type { ImportLine } from './import-line';
import { ImportLineError } from './import-line';

/** What the replay needs besides the line: the catalogue entries it names and their calendars. */
export interface ReplayContext {
  procedure: Procedure;
  /** The competent agency's calendar: due times and working time are counted on it. */
  calendar: WorkingCalendar;
  competentAgency: Agency;
  receivingAgency: { agency: Agency; calendar: WorkingCalendar } | null;
  /** The citizen account with the applicant's national ID, if there is one. */
  account: Pick<User, 'id' | 'email'> | null;
  /** When this import runs. */
  importedAt: Date;
  /** The procedure's process, when it has steps: the replay moves the file through it as live actions do. */
  process?: ProcessContext;
  /** The agencies, by id and by code (a step's holding agency). */
  agencyById: (id: string) => Agency | undefined;
  agencyByCode: (code: string) => Agency | undefined;
  /** The competent agency's working days to answer feedback (docs/feedback.md, "Due time"). */
  feedbackDays: number;
}

/** The rows of one imported application, ready to be written together, and its history for the rollups. */
export interface ReplayedApplication extends HistoryRowsOfFile {
  history: ApplicationHistory;
}

const fail = (message: string): never => {
  throw new ImportLineError(message);
};

/**
 * Replays a line's events through the action table's `decide`, as live actions are (the actor is
 * `import`), building the application as it stands after the last one.
 * Throws an ImportLineError naming the first event that could not have happened.
 */
export function replayLine(line: ImportLine, context: ReplayContext): ReplayedApplication {
  const { procedure, calendar } = context;
  const first = line.events[0]!;
  const last = line.events[line.events.length - 1]!;
  const application = newApplication(procedure, first.at, {
    id: timeOrderedId(),
    code: line.code,
    applicantId: context.account?.id ?? null,
    applicantNationalId: line.applicant.nationalId,
    applicantName: line.applicant.fullName,
    applicantEmail: line.applicant.email ?? context.account?.email ?? null,
    formData: line.formData,
    feeVnd: line.feeVnd ?? procedure.feeVnd,
    version: first.type === 'register_counter' ? line.events.length : line.events.length + 1,
    updatedAt: last.at,
    importedAt: context.importedAt,
  });
  const events: ApplicationEvent[] = [];
  const consultations: Consultation[] = [];
  const attachments: Attachment[] = [];
  const results: IssuedResult[] = [];
  line.events.forEach((event, index) => {
    const label = `events[${index}] (${event.type})`;
    const previous = line.events[index - 1];
    if (previous && event.at < previous.at) {
      fail(
        `${label} at ${event.at.toISOString()} is earlier than the event before it: events must be in time order`,
      );
    }
    const opening = index === 0 && event.type === 'register_counter';
    // An opening counter registration finds no file yet; any other first event finds the draft.
    const facts = opening ? { ...application, state: null, version: 0 } : application;
    // A send-back names the step it goes back to: its step field is the action's own `step`.
    const stepped = event.type === 'send_back' ? { ...event, step: event.stepFields?.step } : event;
    const asked = consultationOf(event, `events[${index}]`, context, application, consultations);
    const outcome = decide(
      event.type,
      facts,
      { ...stepped, ...asked.fields },
      {
        role: 'import',
        now: event.at,
        procedure,
        calendar,
        receivingAgencyId: context.receivingAgency?.agency.id ?? null,
        ...(context.process ? { process: context.process } : {}),
        ...asked.context,
      },
    );
    const decision = decidedOrFail(outcome, label, index, application);
    asked.write(event.at);
    if (startsTheClock(event.type)) receivingAgencyOf(context, label);
    const changes: Partial<Application> = { ...decision.changes, ...stepColumnsOf(event) };
    if (opening) changes.submissionChannel = 'offline';
    events.push({
      id: timeOrderedId(),
      applicationId: application.id,
      sequence: index + 1,
      type: event.type,
      at: event.at,
      actorId: null,
      actorRole: 'import',
      channel: decision.channel,
      fromState: decision.fromState,
      toState: decision.changes.state,
      note: event.note ?? null,
      data: withStepFields(decision.data, event, `events[${index}]`, context),
    });
    Object.assign(application, changes);
    if (event.documents) attachments.push(...attachmentRowsOf(event.documents, application.id, event.at));
    if (event.result?.electronic) {
      // A file has one result: issued once, as the live issuance keeps it once.
      if (results.length > 0) fail(`events[${index}].result: the file already has an electronic result`);
      results.push(resultRowOf(event.result, application, event.at));
    }
  });
  if (application.state === 'draft') fail('the application was never submitted nor registered at a counter');
  if (line.rating && application.state !== 'returned') {
    fail(`a rating is only possible once the result is returned; the application is ${application.state}`);
  }
  const submittedAt = events.find((event) => event.fromState === 'draft' || event.fromState === null)?.at;
  const feedback = feedbackRowsOf(
    line.feedback,
    {
      agencyId: application.competentAgencyId,
      applicationId: application.id,
      authorId: application.applicantId,
    },
    submittedAt ?? first.at,
    calendar,
    context.feedbackDays,
  );
  const returnedAt = events.find((event) => event.type === 'return')?.at ?? last.at;
  return {
    application,
    events,
    consultations,
    attachments,
    results,
    feedback,
    rating: line.rating
      ? {
          applicationId: application.id,
          score: line.rating.score,
          comment: line.rating.comment,
          ratedAt: returnedAt,
          ratedBy: application.applicantId,
        }
      : null,
    history: {
      applicationId: application.id,
      agencyId: application.competentAgencyId,
      procedureId: application.procedureId,
      feeVnd: application.feeVnd,
      events: events.map(historyEventOf),
      rating: line.rating?.score ?? null,
      // An imported result said electronic counts as one (docs/metrics.md, "Historical import").
      documents: documentFactsOf(
        attachments.map((attachment) => attachment.origin),
        results.length > 0,
      ),
    },
    receiptNumber: receiptNumberOf(line.code, application, context),
  };
}

/**
 * The event's data with the step fields the line gives, kept as given (docs/metrics.md, "Historical
 * import"); its holding agency must exist, and one given by its code is recorded by its id.
 */
function withStepFields(
  data: ApplicationEvent['data'],
  event: ImportLine['events'][number],
  path: string,
  context: ReplayContext,
): ApplicationEvent['data'] {
  if (!event.stepFields) return data;
  const { stepAgencyCode, ...fields } = event.stepFields;
  if (fields.stepAgencyId !== undefined && !context.agencyById(fields.stepAgencyId)) {
    fail(`${path}.stepAgencyId is not the id of an agency`);
  }
  if (stepAgencyCode !== undefined) {
    const agency = context.agencyByCode(stepAgencyCode);
    if (!agency) fail(`${path}.stepAgencyCode is not the code of an agency`);
    fields.stepAgencyId = agency!.id;
  }
  return { ...data, ...fields };
}

/** Who asks and answers the consultations an import replays, like the actor of its events. */
const IMPORT_ACTOR = 'import';

/**
 * What a `consult` or an `answer_consultation` of the line adds to the action (the agencies by id, the
 * consultation answered) and to its checks, and the consultation rows it writes once decided, as the
 * live actions write them (docs/applications.md, "Consultations").
 */
function consultationOf(
  event: ImportLine['events'][number],
  path: string,
  context: ReplayContext,
  application: Application,
  consultations: Consultation[],
): { fields: Record<string, unknown>; context: Record<string, unknown>; write: (at: Date) => void } {
  const given = event.consultation;
  if (event.type === 'consult') {
    if (!given?.agencies) fail(`${path} needs exactly one of agencyIds and agencyCodes with consult`);
    if (!given?.answerDueAt) fail(`${path}.answerDueAt is required by consult`);
  }
  if (event.type === 'answer_consultation' && !given?.answeringAgency) {
    fail(`${path} needs exactly one of agencyId and agencyCode with answer_consultation`);
  }
  const agencyIdOf = (by: 'id' | 'code', value: string, field: string): string =>
    (by === 'id' ? context.agencyById(value) : context.agencyByCode(value))?.id ??
    fail(`${field} is not the ${by} of an agency`);
  if (given?.agencies) {
    const field = given.agencies.by === 'id' ? 'agencyIds' : 'agencyCodes';
    const agencyIds = [
      ...new Set(
        given.agencies.values.map((value, index) => {
          const agencyId = agencyIdOf(given.agencies!.by, value, `${path}.${field}[${index}]`);
          if (agencyId === application.competentAgencyId) {
            fail(`${path}.${field}[${index}] is the file's own competent agency, which cannot be consulted`);
          }
          return agencyId;
        }),
      ),
    ];
    if (new Date(given.answerDueAt!) <= event.at) fail(`${path}.answerDueAt must be later than the consult`);
    return {
      fields: { agencyIds, answerDueAt: given.answerDueAt },
      context: {
        consultable: { existingAgencyIds: agencyIds, competentAgencyId: application.competentAgencyId },
      },
      write: (at) =>
        consultations.push(
          ...agencyIds.map((agencyId) => ({
            id: timeOrderedId(),
            applicationId: application.id,
            agencyId,
            askedBy: IMPORT_ACTOR,
            question: event.reason!,
            askedAt: at,
            answerDueAt: new Date(given.answerDueAt!),
            answeredAt: null,
            answeredBy: null,
            opinion: null,
          })),
        ),
    };
  }
  if (given?.answeringAgency) {
    const { by, value } = given.answeringAgency;
    const field = `${path}.${by === 'id' ? 'agencyId' : 'agencyCode'}`;
    const agencyId = agencyIdOf(by, value, field);
    const open =
      consultations.find((each) => each.agencyId === agencyId && each.answeredAt === null) ??
      fail(`${field}: that agency has no open consultation on this file to answer`);
    return {
      fields: { consultationId: open.id },
      context: { consultation: { answeredAt: null } },
      write: (at) =>
        Object.assign(open, { answeredAt: at, answeredBy: IMPORT_ACTOR, opinion: event.opinion }),
    };
  }
  return { fields: {}, context: {}, write: () => {} };
}

/** The file's step columns as the line's step fields give them, so the replay goes on from them. */
function stepColumnsOf(event: ImportLine['events'][number]): Partial<Application> {
  const fields = event.stepFields;
  if (!fields) return {};
  const columns: Partial<Application> = {};
  if (fields.stepDueAt !== undefined) columns.stepDueAt = new Date(fields.stepDueAt);
  if (fields.stepDueAt !== undefined && fields.step !== undefined) {
    columns.stepPosition = fields.step;
    if (fields.stepRole !== undefined) columns.stepRole = fields.stepRole;
  }
  return columns;
}

/** The decision, or the line's error naming the event and why it could not have happened. */
function decidedOrFail(
  outcome: ReturnType<typeof decide>,
  label: string,
  index: number,
  application: Application,
): Decision {
  if ('decided' in outcome) return outcome.decided;
  const refused = outcome.refused;
  if (refused.reason === 'state') {
    const allowed = [...possibleActions(application), ...(index === 0 ? ['register_counter'] : [])];
    return fail(
      `${label} is not possible while the application is ${index === 0 ? 'new' : application.state}; possible then: ${allowed.join(', ') || 'nothing'}`,
    );
  }
  const problems = refused.reason === 'fields' ? refused.problems : [];
  return fail(`${label}: ${problems.flatMap((problem) => problem.problems).join('; ')}`);
}

function receivingAgencyOf(context: ReplayContext, label: string): Agency {
  return (
    context.receivingAgency?.agency ??
    fail(`${label} needs receivingAgencyCode: the agency whose desk received it`)
  );
}

/**
 * The sequence number in the code, when the code is a receipt code OneGate could have given: the
 * receiving agency's of the reception date, or the competent agency's of an online submission's date
 * (docs/applications.md, "Receipt codes").
 */
function receiptNumberOf(code: string, application: Application, context: ReplayContext) {
  const receiving = context.receivingAgency;
  const submitted = { agency: context.competentAgency, calendar: context.calendar };
  return (
    (receiving && numberIn(code, receiving, application.receivedAt)) ??
    numberIn(code, submitted, application.submittedAt)
  );
}

function numberIn(code: string, desk: { agency: Agency; calendar: WorkingCalendar }, at: Date | null) {
  if (!at) return null;
  const localDate = LocalDays.of(desk.calendar.timeZone).dateOf(at.getTime());
  const prefix = formatReceiptCode(desk.agency.code, localDate, 0).slice(0, -4);
  const number = code.slice(prefix.length);
  if (!code.startsWith(prefix) || !/^\d{4,9}$/.test(number)) return null;
  return { agencyId: desk.agency.id, localDate, number: Number(number) };
}
