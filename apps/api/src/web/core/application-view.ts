import type { ApplicationDto, ApplicationEventDto, AttachmentDto } from '@onegate/applications';
import { FORM_KINDS } from '@onegate/domain';
import type { ApplicationState, FormField, Language } from '@onegate/domain';

import { fieldLabel } from './form-fields';

const WAITING: readonly ApplicationState[] = ['submitted', 'received', 'in_progress', 'supplement_requested'];
export const DUE_SOON_MS = 24 * 3_600_000;

/**
 * The application's events, then the owner's first download of the result, which is not an action. An
 * event's documents (a transfer's forward: docs/applications.md, "Transfers") are linked when the reader
 * has them among the file's documents.
 */
export function timelineOf(
  events: ApplicationEventDto[] | undefined,
  firstDownloadedAt?: string | null,
  file?: { id: string; attachments?: AttachmentDto[] },
) {
  const documentsOfEvent = (event: ApplicationEventDto) => {
    const ids = Array.isArray(event.data.documents) ? (event.data.documents as unknown[]) : [];
    return (file?.attachments ?? [])
      .filter((attachment) => ids.includes(attachment.id))
      .map((attachment) => ({
        name: attachment.originalName,
        href: `/applications/${file!.id}/documents/${attachment.id}`,
      }));
  };
  const entries = (events ?? []).map((event) => ({
    type: event.type,
    titleKey: titleKeyOf(event),
    at: event.at,
    channel: event.channel,
    actorRole: event.actorRole,
    toState: event.toState,
    note: event.note,
    reason: typeof event.data.reason === 'string' ? event.data.reason : null,
    missingDocuments: Array.isArray(event.data.missingDocuments) ? event.data.missingDocuments : [],
    appointmentAt: typeof event.data.appointmentAt === 'string' ? event.data.appointmentAt : null,
    reference: typeof event.data.reference === 'string' ? event.data.reference : null,
    outcome: typeof event.data.outcome === 'string' ? event.data.outcome : null,
    documents: documentsOfEvent(event),
    ...stepFactsOf(event),
  }));
  if (!firstDownloadedAt) return entries;
  const download = {
    type: 'result_downloaded',
    titleKey: 'action.result_downloaded',
    at: firstDownloadedAt,
    channel: 'online',
    actorRole: 'citizen',
    toState: 'returned',
    note: null,
    reason: null,
    missingDocuments: [],
    appointmentAt: null,
    reference: null,
    outcome: null,
    documents: [],
    ...stepFactsOf(null),
  };
  return [...entries, download];
}

/** What an event says of the processing step (docs/lifecycle.md, "Processing steps"), in plain words. */
function stepFactsOf(event: ApplicationEventDto | null) {
  const data = event?.data ?? {};
  return {
    step: typeof data.step === 'number' ? data.step : null,
    stepName: typeof data.stepName === 'string' ? data.stepName : null,
    stepDueAt: typeof data.stepDueAt === 'string' ? data.stepDueAt : null,
    opinion: typeof data.opinion === 'string' ? data.opinion : null,
    amountDue: typeof data.amountDue === 'number' ? data.amountDue : null,
  };
}

/** A signature says which it was: OneGate's digital one, or a clerk's on paper at the counter. */
function titleKeyOf(event: ApplicationEventDto): string {
  if (event.type !== 'sign') return `action.${event.type}`;
  return event.channel === 'online' ? 'timeline.signedDigitally' : 'timeline.signedOnPaper';
}

/** The form's answers as label and value, in the schema's order. */
export function answersOf(schema: readonly FormField[], data: Record<string, unknown>, language: Language) {
  return schema
    .filter((field) => data[field.name] !== undefined)
    .map((field) => ({
      label: fieldLabel(field, language),
      value: data[field.name],
      isBoolean: typeof data[field.name] === 'boolean',
    }));
}

/** Documents grouped under the names the procedure asks for; other uploads come last. */
export function documentsOf(
  applicationId: string,
  attachments: AttachmentDto[] | undefined,
  required: readonly { name: string; mandatory: boolean; acceptedTypes: string[]; maxSizeBytes: number }[],
) {
  const files = (attachments ?? []).map((file) => ({
    ...file,
    // A document imported without its bytes has nothing to open (docs/documents.md).
    href: file.stored ? `/applications/${applicationId}/documents/${file.id}` : null,
  }));
  return required.map((document, index) => ({
    index,
    id: `document-${index}`,
    name: document.name,
    mandatory: document.mandatory,
    types: document.acceptedTypes.map((type) => type.replace(/^.*\//, '').toUpperCase()).join(', '),
    accept: document.acceptedTypes.join(','),
    maxMb: Math.floor(document.maxSizeBytes / 1024 / 1024),
    files: files.filter((file) => file.documentName === document.name),
  }));
}

/** Whether a file waiting for work is past its due time, or due within a day. */
export function urgencyOf(application: Pick<ApplicationDto, 'state' | 'dueAt'>, now = Date.now()) {
  if (!application.dueAt || !WAITING.includes(application.state)) return { overdue: false, dueSoon: false };
  const due = Date.parse(application.dueAt);
  return { overdue: due < now, dueSoon: due >= now && due - now <= DUE_SOON_MS };
}

/** Forms OneGate issued into the file (receipt, supplement request, refusal, apology letter, fee receipt). */
const ISSUED_FORMS: readonly string[] = FORM_KINDS;

export function issuedFormsOf(applicationId: string, attachments: AttachmentDto[] | undefined) {
  return (attachments ?? [])
    .filter((file) => file.documentName?.startsWith('form:'))
    .map((file) => {
      const kind = file.documentName!.slice('form:'.length);
      return {
        labelKey: ISSUED_FORMS.includes(kind) ? `issuedForm.${kind}` : null,
        name: file.originalName,
        uploadedAt: file.uploadedAt,
        href: `/applications/${applicationId}/documents/${file.id}`,
      };
    });
}

/** What the citizen's and the staff's page of one application both show. */
export function applicationFileView(
  application: ApplicationDto,
  procedure: { formSchema: readonly FormField[]; requiredDocuments: Parameters<typeof documentsOf>[2] },
  language: Language,
) {
  return {
    answers: answersOf(procedure.formSchema, application.formData, language),
    documents: documentsOf(application.id, application.attachments, procedure.requiredDocuments),
    issuedForms: issuedFormsOf(application.id, application.attachments),
    timeline: timelineOf(application.events, application.firstDownloadedAt, application),
  };
}
