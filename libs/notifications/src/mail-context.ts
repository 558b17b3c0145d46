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

/** Everything a mail template may print. Instants are already written out in the recipient's language. */
export interface MailContext {
  language: Language;
  recipientName: string;
  portalUrl: string;
  application?: ApplicationView;
  /** The file's own page on the portal, for its applicant. */
  fileUrl?: string;
  submittedAt?: string;
  receivedAt?: string;
  dueAt?: string;
  decidedAt?: string;
  returnedAt?: string;
  appointmentAt?: string;
  reason?: string;
  missingDocuments?: string[];
  approved?: boolean;
  digest?: DigestView;
  /** The file name of the form attached to the e-mail, if it carries one. */
  attachment?: string;
}
