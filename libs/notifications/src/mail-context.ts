import type { Language } from '@onegate/domain';

import type { DisplayedField } from './mail-formatting';

/** The application as a mail shows it. */
export interface ApplicationView {
  code: string;
  procedureCode: string;
  procedureName: string;
  agencyName: string;
  applicantName: string;
  formFields: DisplayedField[];
}

export interface DigestView {
  agencyName: string;
  from: string;
  to: string;
  received: number;
  decided: number;
  onTime: number;
  overdue: number;
}

/** A consultation left unanswered past its due time (docs/notifications.md). */
export interface ConsultationView {
  agencyName: string;
  question: string;
  answerDueAt: string;
}

/** Feedback or a petition (docs/feedback.md): its code, the agency that answers, its due time. */
export interface FeedbackView {
  code: string;
  petition: boolean;
  agencyName: string;
  dueAt: string;
}

/** A webhook subscription disabled (docs/webhooks.md): its receiver, why, and when. */
export interface WebhookView {
  url: string;
  /** The receiver answered 410 Gone, rather than failing for too long. */
  gone: boolean;
  disabledAt: string;
}

/** Everything a mail template may print. Instants are already written out in the recipient's language. */
export interface MailContext {
  language: Language;
  recipientName: string;
  portalUrl: string;
  /** The absolute address of the file's own page for this recipient (docs/notifications.md). */
  fileUrl?: string;
  /** For "result ready": the absolute address of the signed result's download. */
  resultUrl?: string;
  application?: ApplicationView;
  submittedAt?: string;
  receivedAt?: string;
  dueAt?: string;
  /** For a late processing step: its name in the recipient's language and its due time. */
  stepName?: string;
  stepDueAt?: string;
  decidedAt?: string;
  returnedAt?: string;
  appointmentAt?: string;
  reason?: string;
  missingDocuments?: string[];
  approved?: boolean;
  digest?: DigestView;
  /** A message of the file's thread (docs/messages.md), and whether its applicant wrote it. */
  message?: string;
  fromApplicant?: boolean;
  consultation?: ConsultationView;
  feedback?: FeedbackView;
  webhook?: WebhookView;
  /** The file name of the form, or of the signed result, attached to the e-mail, if it carries one. */
  attachment?: string;
}
